import type { Page } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';
import { revealOverview } from './overview';
import { brestChronogram } from './roadmap';
import { DEMO, DEMO_PASSWORD, expect, test } from './session';
import type { DemoRole } from './session';

/**
 * Each role signs in through the sign-in page, as a person would, and sees only what it may do.
 * (The API refuses the rest regardless: api/test/access-matrix.spec.ts.)
 */
test.use({ role: null });

async function signInThroughUi(page: Page, role: DemoRole, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/connexion');
  await page.getByLabel('Adresse électronique').fill(DEMO[role]);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

interface Item {
  id: string;
  functionId: string;
}

async function itemsByFunction(
  page: Page,
): Promise<{ mediation: Item; juridique: Item; mediationFunction: string; juridiqueFunction: string }> {
  const chrono = await brestChronogram(page.request);
  const fn = (code: string) => chrono.functions.find((f) => f.code === code)?.id as string;
  const first = (code: string) => chrono.actions.find((a) => a.functionId === fn(code)) as Item;
  return {
    mediation: first('mediation'),
    juridique: first('juridique'),
    mediationFunction: fn('mediation'),
    juridiqueFunction: fn('juridique'),
  };
}

test.describe('signing in and roles', () => {
  test('sends an anonymous visitor to the sign-in page, refuses a wrong password with one clear message', async ({ page }, testInfo) => {
    await page.goto('/chronogramme');
    await expect(page).toHaveURL(/\/connexion\?retour=%2Fchronogramme/);
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo);
    await signInThroughUi(page, 'lead', 'pas le bon mot de passe');
    await expect(page.getByText('Adresse électronique ou mot de passe incorrect.')).toBeVisible();
    await expect(page).toHaveURL(/\/connexion/);
  });

  test('the project lead re-plans, updates, and opens the public page, which shows no names', async ({ page, browser }, testInfo) => {
    await signInThroughUi(page, 'lead');
    await expect(page.getByTestId('account')).toContainText('Camille Le Goff');
    await expect(page.getByTestId('account')).toContainText('Chef·fe de projet');
    await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0);
    const { juridique } = await itemsByFunction(page);
    await page.goto('/chronogramme');
    await expect(page.getByRole('button', { name: 'Modifier le planning' })).toBeVisible();
    await page.goto(`/actions/${juridique.id}`);
    await expect(page.getByTestId('status-form')).toBeVisible();

    await page.goto('/');
    await revealOverview(page);
    const setting = page.getByRole('region', { name: 'Page publique' });
    await setting.getByRole('button', { name: 'Ouvrir la page publique' }).click();
    await expect(setting.getByTestId('public-page-state')).toContainText('ouverte');
    const citizen = await browser.newContext();
    try {
      const visitor = await citizen.newPage();
      await visitor.goto('/public/brest-2026-2032');
      await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Mandat 2026–2032');
      // the sections below the first screen wait for a reader (ADR 0038)
      await visitor.mouse.wheel(0, 1);
      await expect(visitor.getByRole('heading', { name: 'Fonctions' })).toBeVisible();
      // the last section drawn (one per task after the wheel): the names are looked for in the whole page
      await expect(visitor.getByTestId('open-data')).toBeVisible();
      const text = await visitor.locator('body').innerText();
      for (const name of ['Camille Le Goff', 'Soizic Le Bihan', 'Yannick Kerhervé', '@brest.example']) expect(text).not.toContain(name);
      await expectNoSeriousA11yViolations(visitor, testInfo);
    } finally {
      await citizen.close();
    }
    await setting.getByRole('button', { name: 'Fermer la page publique' }).click();
    await expect(setting.getByTestId('public-page-state')).toContainText('fermée');
  });

  test('a function owner updates the items of their functions only', async ({ page }) => {
    await signInThroughUi(page, 'owner');
    await expect(page.getByTestId('account')).toContainText('Responsable de fonction');
    const { mediation, juridique, mediationFunction, juridiqueFunction } = await itemsByFunction(page);
    // the whole roadmap: not theirs to re-plan
    await page.goto('/chronogramme');
    await expect(page.locator('.bar-wrapper').first()).toBeAttached();
    await expect(page.getByRole('button', { name: 'Modifier le planning' })).toHaveCount(0);
    // their function's page leads to its chronogram, which they may re-plan
    await page.goto(`/fonctions/${mediationFunction}`);
    await page.getByRole('link', { name: /Ouvrir le chronogramme de la fonction \(modifier le planning/ }).click();
    await expect(page.getByRole('button', { name: 'Modifier le planning' })).toBeVisible();
    await page.goto(`/chronogramme?fonction=${juridiqueFunction}`);
    await expect(page.locator('.bar-wrapper').first()).toBeAttached();
    await expect(page.getByRole('button', { name: 'Modifier le planning' })).toHaveCount(0);
    await page.goto(`/actions/${mediation.id}`);
    await expect(page.getByTestId('status-form')).toBeVisible();
    await page.goto(`/actions/${juridique.id}`);
    await expect(page.getByText(/Consultation seule/)).toBeVisible();
    await expect(page.getByTestId('status-form')).toHaveCount(0);
  });

  test('an elected official reads everything and changes nothing', async ({ page }) => {
    await signInThroughUi(page, 'elected');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mandat 2026–2032');
    await expect(page.getByTestId('account')).toContainText('Élu·e');
    const { mediation } = await itemsByFunction(page);
    await page.goto('/chronogramme');
    await expect(page.locator('.bar-wrapper').first()).toBeAttached();
    await expect(page.getByRole('button', { name: 'Modifier le planning' })).toHaveCount(0);
    await page.goto(`/actions/${mediation.id}`);
    await expect(page.getByText(/Consultation seule/)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Page publique' })).toHaveCount(0);
    await page.goto('/administration');
    await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
  });

  test('the administrator manages accounts and edits no roadmap content', async ({ page }, testInfo) => {
    await signInThroughUi(page, 'admin');
    await page.getByRole('link', { name: 'Administration', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
    const accounts = page.getByTestId('accounts');
    for (const email of Object.values(DEMO)) await expect(accounts).toContainText(email);
    await expectNoSeriousA11yViolations(page, testInfo);
    await page.goto('/chronogramme');
    await expect(page.locator('.bar-wrapper').first()).toBeAttached();
    await expect(page.getByRole('button', { name: 'Modifier le planning' })).toHaveCount(0);
    // sign out: the next page asks to sign in again
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(/\/connexion/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/connexion/);
  });
});
