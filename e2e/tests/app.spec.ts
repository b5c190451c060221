import { expect, test } from './session';

import { expectNoSeriousA11yViolations } from './a11y';
import { revealOverview } from './overview';
import { readChronogram } from './roadmap';

test.describe('the app as a user starts it', () => {
  test('answers /api/health and serves the seeded Brest roadmap', async ({ request }) => {
    const health = await request.get('/api/health');
    expect(health.ok()).toBe(true);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'up' });
    const roadmaps = await (await request.get('/api/roadmaps')).json();
    expect(roadmaps.map((r: { slug: string }) => r.slug)).toEqual(['brest-2026-2032']);
    const chrono = await readChronogram(request, roadmaps[0].id);
    expect(chrono.roadmap.phases).toHaveLength(4);
    expect(chrono.functions).toHaveLength(11);
    expect(chrono.actions.length).toBeGreaterThanOrEqual(45);
    expect(chrono.milestones.length).toBeGreaterThanOrEqual(15);
  });

  test('serves the Swagger UI at /api/docs', async ({ page }) => {
    await page.goto('/api/docs');
    await expect(page.getByText('Jalons API').first()).toBeVisible();
  });

  test('shows the mandate overview in the browser', async ({ page }, testInfo) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mandat 2026–2032');
    await expect(page.getByRole('main')).toContainText('Ville et Métropole de Brest');
    await expect(page.getByRole('main')).toContainText('Phase en cours : Incubation post-électorale');
    // the sections below the first screen are drawn when scrolled to
    await revealOverview(page);
    for (const phase of ['Incubation pré-électorale', 'Incubation post-électorale', "Phase d'émergence", 'Phase de maturation']) {
      await expect(page.getByRole('main').getByText(phase).first()).toBeVisible();
    }
    await expect(page.getByRole('main').getByText('Fonction centrale').first()).toBeVisible();
    // what slips, what comes next, what changed
    const late = page.getByRole('region', { name: /En retard/ });
    await expect(late.getByRole('link').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Prochains jalons' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Dernières modifications' }).getByRole('row').nth(1)).toBeVisible();
    const shot = await page.screenshot({ fullPage: true });
    await testInfo.attach('overview', { body: shot, contentType: 'image/png' });
    await page.screenshot({ path: testInfo.outputPath('overview.png'), fullPage: true });
    await expectNoSeriousA11yViolations(page, testInfo);
  });

  test('switches the interface to English and back, and keeps the choice across a reload', async ({ page }, testInfo) => {
    await page.goto('/');
    const languages = page.getByRole('group', { name: 'Langue de l’interface' });
    await languages.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('link', { name: 'Term overview' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Overall progress' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Overall progress' })).toBeVisible();
    await revealOverview(page);
    await expectNoSeriousA11yViolations(page, testInfo);
    await page.getByRole('group', { name: 'Language of the interface' }).getByRole('button', { name: 'Français' }).click();
    await expect(page.getByRole('heading', { name: 'Avancement global' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });

  test('carries the roadmap in every page’s URL, and leads old links there', async ({ page, request }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/r\/brest-2026-2032$/);
    const [brest] = await (await request.get('/api/roadmaps')).json();
    const chrono = await readChronogram(request, brest.id);
    const action = chrono.actions[0];
    // a link from before (an e-mail, a calendar feed): same page, under the roadmap
    await page.goto(`/actions/${action.id}`);
    await expect(page).toHaveURL(new RegExp(`/r/brest-2026-2032/actions/${action.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(action.title);
    await page.goto(`/chronogramme?roadmap=${brest.id}`);
    await expect(page).toHaveURL(/\/r\/brest-2026-2032\/chronogramme$/);
    await page.getByRole('link', { name: 'Vue du mandat' }).click();
    await expect(page).toHaveURL(/\/r\/brest-2026-2032$/);
  });

  test('fits a 390-px-wide phone on every page of the plan, header included', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const slug = 'brest-2026-2032';
    for (const path of [
      `/r/${slug}`,
      `/r/${slug}/chronogramme?vue=tableau`,
      `/r/${slug}/actions/nouvelle`,
      `/r/${slug}/corbeille`,
      `/r/${slug}/import`,
      `/r/${slug}/phases`,
      `/r/${slug}/reprise`,
      '/feuilles-de-route',
      '/feuilles-de-route/nouvelle',
      '/mes-echeances',
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) await page.screenshot({ path: testInfo.outputPath(`wide-${path.replace(/\W+/g, '-')}.png`), fullPage: true });
      expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(390);
    }
  });

  test('answers an unknown web route with the app, and an unknown API route with a JSON 404', async ({ page, request }) => {
    await page.goto('/nulle-part');
    await expect(page.getByText('Jalons').first()).toBeVisible();
    const res = await request.get('/api/nulle-part');
    expect(res.status()).toBe(404);
    expect(await res.json()).toMatchObject({ statusCode: 404, error: 'not_found' });
  });
});
