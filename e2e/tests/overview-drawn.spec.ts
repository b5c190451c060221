import type { Page } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';
import { revealOverview } from './overview';
import { BREST } from './roadmap';
import { expect, test } from './session';

/**
 * A roadmap's overview drawn by the server for a signed-in reader (ADR 0040, decision 2), on the production build:
 * the page arrives whole, and the app takes it over where it stands (hydration), with the reads the drawing made
 * handed over in the page rather than asked again. A mismatch between the drawing and the app is an error in the
 * console (Angular's NG05xx): none is allowed. The app starts at the reader's first gesture, or when a part only it
 * draws comes into view (decision 3, `drawn-start.js`); what the reader pressed meanwhile is pressed again.
 */
const PHONE = { width: 390, height: 844 };
const OVERVIEW = `/r/${BREST}`;

/** Whether the app has taken the page over (main.ts says so to the page's starter). */
async function watchStart(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { started: boolean };
    w.started = false;
    document.addEventListener('jalons:started', () => (w.started = true));
  });
}
const started = (page: Page) => page.evaluate(() => (window as unknown as { started: boolean }).started);
/** The drawn overview on a phone, loaded: its first screen is whole, so the app waits for the reader. */
async function openWaiting(page: Page): Promise<void> {
  await watchStart(page);
  await page.setViewportSize(PHONE);
  await page.goto(OVERVIEW);
  await page.waitForLoadState('networkidle');
  expect(await started(page)).toBe(false);
}
/** A mark on the document: still there after a link, the link did not reload the page. */
const markDocument = (page: Page) => page.evaluate(() => ((window as unknown as { mark: string }).mark = 'same'));
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { mark?: string }).mark === 'same');

test('the overview arrives drawn, and the app takes it over without asking its reads again', async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /NG0\d{3}/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  const reads: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/')) reads.push(path);
  });
  // what moves on screen while the app takes the page over (the header folding to the brand, once, did)
  await page.addInitScript(() => {
    const shifts: { at: number; value: number }[] = [];
    (window as unknown as { shifts: typeof shifts }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        shifts.push({ at: entry.startTime, value: (entry as PerformanceEntry & { value: number }).value });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await watchStart(page);
  await page.setViewportSize(PHONE);
  const res = await page.goto(OVERVIEW);
  // the first answer holds the page: its title, its current phase, the roll-up
  const html = (await res?.text()) ?? '';
  expect(html).toContain('Mandat 2026–2032');
  expect(html).toContain('Phase en cours');
  expect(html).toContain(`data-drawn-url="${OVERVIEW}"`);
  expect(res?.headers()['cache-control']).toBe('no-cache, private');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mandat 2026–2032');
  await page.waitForLoadState('networkidle');
  // on a phone the first screen is whole: the app waits for the reader, and the page asked the API nothing
  expect(await started(page)).toBe(false);
  expect(reads).toEqual([]);

  // a gesture starts it; taking the page over moves nothing on screen (while the page arrives, a paint between two
  // parts of the HTML may move the header's bell by a few pixels: Lighthouse's CLS is 0.000)
  const loaded = await page.evaluate(() => performance.now());
  await page.mouse.move(20, 300);
  await expect.poll(() => started(page)).toBe(true);
  const shifts = await page.evaluate(() => (window as unknown as { shifts: { at: number; value: number }[] }).shifts);
  expect(shifts.filter((s) => s.at >= loaded)).toEqual([]);
  expect(shifts.reduce((sum, s) => sum + s.value, 0)).toBeLessThan(0.01);
  // the session, the roadmaps and the overview came with the page
  expect(reads.filter((p) => p === '/api/auth/session' || p === '/api/roadmaps' || /^\/api\/roadmaps\/[^/]+$/.test(p))).toEqual([]);

  // the app answers: « Menu » opens the navigation, a link leads to another page without reloading
  await markDocument(page);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Chronogramme' }).click();
  await expect(page).toHaveURL(new RegExp(`${OVERVIEW}/chronogramme`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Chronogramme');
  expect(await sameDocument(page)).toBe(true);
  // and back: the overview drawn by the app this time, its sections below drawn when scrolled to
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mandat 2026–2032');
  await revealOverview(page);
  await expect(page.getByRole('region', { name: 'Dernières modifications' }).getByRole('row').nth(1)).toBeVisible();
  expect(problems).toEqual([]);
  await expectNoSeriousA11yViolations(page, testInfo);
});

test('a link pressed before the app has started opens in the app, without reloading', async ({ page }) => {
  await openWaiting(page);
  await markDocument(page);
  await page.getByRole('link', { name: 'Rapport au conseil' }).click();
  await expect(page).toHaveURL(new RegExp(`${OVERVIEW}/rapport`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rapport');
  expect(await started(page)).toBe(true);
  expect(await sameDocument(page)).toBe(true);
});

test('when the app cannot be loaded, a link pressed on the drawn page opens as a plain link', async ({ page }) => {
  await page.setViewportSize(PHONE);
  // the app's module fails, but only once the link has been pressed
  let fail!: () => void;
  const failing = new Promise<void>((resolve) => (fail = resolve));
  await page.route(/\/main-[\w-]+\.js$/, async (route) => {
    await failing;
    await route.abort();
  });
  await page.goto(OVERVIEW, { waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mandat 2026–2032');
  const report = page.waitForRequest((r) => r.isNavigationRequest() && new URL(r.url()).pathname === `${OVERVIEW}/rapport`);
  await page.getByRole('link', { name: 'Rapport au conseil' }).click();
  // held while the app loads
  expect(new URL(page.url()).pathname).toBe(OVERVIEW);
  fail();
  await report;
  await expect(page).toHaveURL(new RegExp(`${OVERVIEW}/rapport`));
});

test('a button pressed before the app has started is pressed once it has', async ({ page }) => {
  await openWaiting(page);
  await page.getByRole('button', { name: 'Voir un autre jour…' }).click();
  await expect(page.getByLabel('À la date du')).toBeVisible();
  expect(await started(page)).toBe(true);
});

test('on a screen tall enough to show a section only the app draws, the app starts without a gesture', async ({ page }) => {
  await watchStart(page);
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.goto(OVERVIEW);
  await expect.poll(() => started(page)).toBe(true);
  // the sections in view, drawn by the app
  await expect(page.getByTestId('late-section').getByRole('row').nth(1)).toBeVisible();
});

test('the drawn overview is the same to axe, in English, and after a reload', async ({ page }, testInfo) => {
  await page.goto(OVERVIEW);
  await page.getByRole('group', { name: 'Langue de l’interface' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Overall progress' })).toBeVisible();
  // drawn by the server in the language chosen (the jalons.lang cookie)
  const res = await page.reload();
  expect(await res?.text()).toContain('Overall progress');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoSeriousA11yViolations(page, testInfo);
  await page.getByRole('group', { name: 'Language of the interface' }).getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { name: 'Avancement global' })).toBeVisible();
});

test('with JavaScript off, the signed-in overview is still readable', async ({ page, browser }) => {
  // the session of this test, in a browser that runs no script
  await page.goto(OVERVIEW);
  const cookies = await page.context().cookies();
  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  try {
    await noScript.addCookies(cookies);
    const reader = await noScript.newPage();
    await reader.goto(OVERVIEW);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Mandat 2026–2032');
    await expect(reader.getByRole('main')).toContainText('Phase en cours : Incubation post-électorale');
    await expect(reader.getByRole('heading', { name: 'Avancement global' })).toBeVisible();
    // signed out, the same address is the app's page, which sends the reader to sign in
    await noScript.clearCookies();
    const signedOut = await reader.goto(OVERVIEW);
    expect(await signedOut?.text()).not.toContain('Mandat 2026–2032');
  } finally {
    await noScript.close();
  }
});
