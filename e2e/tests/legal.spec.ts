import type { APIRequestContext, Page } from '@playwright/test';
import type { RoadmapSummaryView } from '@jalons/contract';

import { expectNoSeriousA11yViolations } from './a11y';
import { dropRoadmaps, ownRoadmap } from './roadmap';
import { expect, test } from './session';

/**
 * Accessibility and legal pages (issue 13, Build 4): on every page the first Tab reaches « Aller au contenu », which
 * moves the keyboard to the main area; every page's footer links to the déclaration d’accessibilité; the three legal
 * pages pass axe at desktop and phone widths. The spec opens the public page of a roadmap of its own.
 */
const SLUG = 'e2e-legal-2026-2032';
const LEGAL_PAGES = ['/accessibilite', '/mentions-legales', '/donnees-personnelles'];

/** Opens `path` and waits until the page has drawn its data (its title, nothing loading). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('main h1').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main [role="status"]').filter({ hasText: /^\s*Chargement/ })).toHaveCount(0);
}

/** From the top of `path`: Tab reaches the skip link first (shown), Enter puts the keyboard on main#contenu; the footer is there. */
async function checkSkipLinkAndFooter(page: Page, path: string): Promise<void> {
  await open(page, path);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip, `${path}: the first Tab`).toBeFocused();
  await expect(skip, `${path}: the skip link shows once focused`).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#contenu'), `${path}: Enter on the skip link`).toBeFocused();
  expect(new URL(page.url()).pathname, `${path}: the skip link is no change of page`).toBe(path.split('?')[0]);
  // the next Tab goes on inside the page's content, not back to the header
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('main, footer')), `${path}: Tab after the skip link`).toBe(true);

  const footer = page.getByRole('contentinfo');
  await expect(footer.getByRole('link', { name: 'Accessibilité : partiellement conforme' })).toHaveAttribute('href', '/accessibilite');
  await expect(footer.getByRole('link', { name: 'Mentions légales' })).toHaveAttribute('href', '/mentions-legales');
  await expect(footer.getByRole('link', { name: 'Données personnelles' })).toHaveAttribute('href', '/donnees-personnelles');
  await expect(footer.getByRole('link', { name: 'Données ouvertes' })).toHaveAttribute('href', '/public');
}

/** A roadmap of this spec's own, its public page open, and one of its actions. */
async function setUpRoadmap(request: APIRequestContext): Promise<{ roadmap: RoadmapSummaryView; actionId: string }> {
  const roadmap = await ownRoadmap(request, SLUG, 'Commune de Legal');
  const current = (await (await request.get(`/api/roadmaps/${roadmap.id}`)).json()) as { version: number };
  const res = await request.patch(`/api/roadmaps/${roadmap.id}/settings`, { data: { version: current.version, publicPage: true } });
  expect(res.status(), await res.text()).toBe(200);
  const actions = (await (await request.get(`/api/roadmaps/${roadmap.id}/actions`)).json()) as Array<{ id: string }>;
  expect(actions.length).toBeGreaterThan(0);
  return { roadmap, actionId: actions[0].id };
}

test.describe('the skip link and the footer', () => {
  test.afterAll(() => dropRoadmaps(SLUG));

  test('on the pages of a person signed out: sign-in, public pages, legal pages', async ({ page, request }) => {
    // the lead opens the roadmap's public page, then the browser forgets the session
    await setUpRoadmap(request);
    await page.context().clearCookies();
    for (const path of ['/connexion', '/public', `/public/${SLUG}`, ...LEGAL_PAGES]) await checkSkipLinkAndFooter(page, path);
  });

  test('on the pages of the project lead', async ({ page, request }) => {
    const { actionId } = await setUpRoadmap(request);
    for (const path of [
      `/r/${SLUG}`,
      `/r/${SLUG}/chronogramme`,
      `/r/${SLUG}/actions/${actionId}`,
      `/r/${SLUG}/rapport`,
      '/mes-echeances',
      '/mon-compte',
      '/accessibilite',
    ]) {
      await checkSkipLinkAndFooter(page, path);
    }
  });

  test.describe('as the administrator', () => {
    test.use({ role: 'admin' });

    test('on the administration', async ({ page }) => {
      await checkSkipLinkAndFooter(page, '/administration');
    });
  });
});

test.describe('the legal pages', () => {
  test.use({ role: null });

  test('are reached from the footer, each with its title, and say what the instance has not set', async ({ page }) => {
    await open(page, '/connexion');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibilité : partiellement conforme' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Déclaration d’accessibilité');
    await expect(page).toHaveTitle('Déclaration d’accessibilité · Jalons');
    await expect(page.getByTestId('status')).toContainText('Jalons est partiellement conforme');
    await expect(page.getByTestId('rate')).toContainText('% des critères du RGAA 4.1 applicables sont respectés');
    // the e2e server sets no LEGAL_* value
    await expect(page.getByTestId('editor')).toContainText('à renseigner par l’éditeur de cette instance');

    await page.getByRole('contentinfo').getByRole('link', { name: 'Mentions légales' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mentions légales');
    await expect(page).toHaveTitle('Mentions légales · Jalons');
    await expect(page.getByTestId('host')).toHaveText('à renseigner par l’éditeur de cette instance');

    await page.getByRole('contentinfo').getByRole('link', { name: 'Données personnelles' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Données personnelles');
    await expect(page).toHaveTitle('Données personnelles · Jalons');
    // the default retention periods of the instance
    await expect(page.getByTestId('retention')).toContainText('30 jours après la fin de la session');
    await expect(page.getByTestId('retention')).toContainText('90 jours après leur envoi');
  });

  for (const viewport of [
    { name: 'desktop', width: 1280, height: 900 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    test(`pass axe (no serious or critical violation) at ${viewport.name} width`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      for (const path of LEGAL_PAGES) {
        await open(page, path);
        await expectNoSeriousA11yViolations(page, testInfo);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} scrolls sideways`).toBeLessThanOrEqual(
          viewport.width,
        );
      }
    });
  }
});
