import { expectNoSeriousA11yViolations } from './a11y';
import { revealOverview } from './overview';
import { BREST } from './roadmap';
import { expect, test } from './session';

/**
 * A roadmap's overview drawn by the server for a signed-in reader (ADR 0040, decision 2), on the production build:
 * the page arrives whole, and the app takes it over where it stands (hydration), with the reads the drawing made
 * handed over in the page rather than asked again. A mismatch between the drawing and the app is an error in the
 * console (Angular's NG05xx): none is allowed.
 */
const PHONE = { width: 390, height: 844 };
const OVERVIEW = `/r/${BREST}`;

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
    const shifts: number[] = [];
    (window as unknown as { shifts: number[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
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
  expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
  // the session, the roadmaps and the overview came with the page
  expect(reads.filter((p) => p === '/api/auth/session' || p === '/api/roadmaps' || /^\/api\/roadmaps\/[^/]+$/.test(p))).toEqual([]);

  // the app answers: « Menu » opens the navigation, a link leads to another page without reloading
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Chronogramme' }).click();
  await expect(page).toHaveURL(new RegExp(`${OVERVIEW}/chronogramme`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Chronogramme');
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  // and back: the overview drawn by the app this time, its sections below drawn when scrolled to
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mandat 2026–2032');
  await revealOverview(page);
  await expect(page.getByRole('region', { name: 'Dernières modifications' }).getByRole('row').nth(1)).toBeVisible();
  expect(problems).toEqual([]);
  await expectNoSeriousA11yViolations(page, testInfo);
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
