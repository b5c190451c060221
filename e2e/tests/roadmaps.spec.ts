import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from '@playwright/test';
import { Client } from 'pg';

import { expectNoSeriousA11yViolations } from './a11y';
import { expect, test } from './session';

/**
 * The instance's roadmaps: the project lead creates « Ville de Quimper » from the kit in the app
 * (preview, then creation), lands on its overview and finds both roadmaps in the header's switcher;
 * a function owner is offered no creation.
 */
const SLUG = 'ville-de-quimper-2026-2032';

/** What the kit brings, read from the kit itself (the preview must say it). */
function kitCounts(): { functions: number; actions: number; milestones: number } {
  const kit = JSON.parse(readFileSync(join(__dirname, '..', '..', 'seeds', 'kit', 'incubation-kit.json'), 'utf8')) as {
    functions: Array<{ actions: unknown[]; milestones: unknown[] }>;
  };
  return {
    functions: kit.functions.length,
    actions: kit.functions.reduce((n, f) => n + f.actions.length, 0),
    milestones: kit.functions.reduce((n, f) => n + f.milestones.length, 0),
  };
}

/** The page's content no wider than a phone's screen (390 px): nothing to scroll sideways in <main>. */
async function expectFitsAPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  const main = page.locator('main');
  expect(await main.evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(await main.evaluate((el) => el.clientWidth));
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe('the instance’s roadmaps', () => {
  // the suite's later files read « the » roadmap as the first one listed: the one created here goes away again
  test.afterAll(async () => {
    const db = new Client({ connectionString: process.env['E2E_DATABASE_URL'] });
    await db.connect();
    try {
      await db.query('delete from roadmap where slug = $1', [SLUG]);
    } finally {
      await db.end();
    }
  });

  test('the project lead creates « Ville de Quimper » from the kit after a preview, and switches between both roadmaps', async ({
    page,
  }, testInfo) => {
    await page.goto('/feuilles-de-route');
    await expect(page.getByRole('heading', { level: 1, name: 'Feuilles de route' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ville et Métropole de Brest' })).toHaveAttribute('href', '/r/brest-2026-2032');
    await expectNoSeriousA11yViolations(page, testInfo);
    await expectFitsAPhone(page);

    await page.getByRole('link', { name: 'Nouvelle feuille de route' }).click();
    await expect(page).toHaveURL(/\/feuilles-de-route\/nouvelle$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle feuille de route' })).toBeVisible();
    await page.getByLabel('Territoire', { exact: true }).fill('Ville de Quimper');
    await page.getByLabel('Premier tour').fill('2026-03-15');
    await page.getByLabel('Second tour (facultatif)').fill('2026-03-22');
    await page.getByLabel('Prochaine élection (facultatif)').fill('2032-03-14');
    await page.getByRole('button', { name: 'Prévisualiser' }).click();

    const preview = page.getByTestId('preview');
    await expect(preview.getByRole('heading', { name: 'Aperçu : Ville de Quimper' })).toBeFocused();
    await expect(preview).toContainText('Mandat 2026–2032');
    await expect(preview).toContainText(`/r/${SLUG}`);
    const n = kitCounts();
    await expect(preview.getByTestId('counts')).toHaveText(`${n.functions} fonctions, ${n.actions} actions et ${n.milestones} jalons`);
    // the phases follow the second round: the post-electoral phase opens on 22 March 2026
    const rows = preview.getByTestId('preview-phases').locator('tbody tr');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(0)).toContainText('22/03/2025');
    await expect(rows.nth(0)).toContainText('21/03/2026');
    await expect(rows.nth(1)).toContainText('22/03/2026');
    await expect(rows.nth(3)).toContainText('13/03/2032');
    await expectNoSeriousA11yViolations(page, testInfo);
    await expectFitsAPhone(page);

    await page.getByRole('button', { name: 'Créer la feuille de route' }).click();
    await expect(page).toHaveURL(new RegExp(`/r/${SLUG}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Mandat 2026–2032' })).toBeVisible();
    await expect(page.locator('.page-head__territory')).toHaveText('Ville de Quimper');

    // the header's switcher lists both roadmaps, the new one chosen
    const switcher = page.getByLabel('Feuille de route', { exact: true });
    await expect(switcher).toHaveValue(SLUG);
    await expect(switcher.locator('option')).toHaveText([
      'Ville de Quimper · Mandat 2026–2032',
      'Ville et Métropole de Brest · Mandat 2026–2032',
    ]);
    // choosing is not opening (RGAA 7.4): « Afficher » opens the roadmap chosen
    await switcher.selectOption('brest-2026-2032');
    await expect(page).toHaveURL(new RegExp(`/r/${SLUG}$`));
    await page.getByRole('button', { name: 'Afficher la feuille de route choisie' }).click();
    await expect(page).toHaveURL(/\/r\/brest-2026-2032$/);
    await expect(page.locator('.page-head__territory')).toHaveText('Ville et Métropole de Brest');

    // the list shows it too, opening it at its address
    await page.goto('/feuilles-de-route');
    await expect(page.getByRole('link', { name: 'Ville de Quimper' })).toHaveAttribute('href', `/r/${SLUG}`);
  });

  test.describe('a function owner', () => {
    test.use({ role: 'owner' });

    test('reads the list but is offered no « Nouvelle feuille de route », and cannot open the form', async ({ page }) => {
      await page.goto('/feuilles-de-route');
      await expect(page.getByRole('link', { name: 'Ville et Métropole de Brest' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Nouvelle feuille de route' })).toHaveCount(0);
      await page.goto('/feuilles-de-route/nouvelle');
      await expect(page).toHaveURL(/\/acces-refuse$/);
    });
  });
});
