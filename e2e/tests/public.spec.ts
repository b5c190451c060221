import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import type { AccountView, RoadmapSummaryView } from '@jalons/contract';

import { expectNoSeriousA11yViolations } from './a11y';
import { dropRoadmaps, ownRoadmap } from './roadmap';
import { expect, signInThroughApi, test, xsrf } from './session';

/**
 * The public page and the widget (issue 13, Build 2), seen by a citizen with no account: on a roadmap
 * of this file's own, its page turned on by its lead through the settings API. axe finds nothing
 * serious on /public, /public/<slug> and /public/<slug>/encart, at desktop width and on a phone
 * (nothing wider than 390 px); no account's name is written anywhere; printed, no button is left.
 */
const SLUG = 'e2e-public-page';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

test.use({ role: null });

let people: string[] = [];

async function signedIn(newContext: () => Promise<APIRequestContext>, role: 'lead' | 'admin'): Promise<APIRequestContext> {
  const context = await newContext();
  await signInThroughApi(context, role);
  return context;
}

/** `context` sending the anti-CSRF header on POST, as the web app does. */
function withXsrf(context: APIRequestContext): APIRequestContext {
  const post: APIRequestContext['post'] = async (url, options = {}) =>
    context.post(url, { ...options, headers: { ...(options.headers ?? {}), 'X-XSRF-TOKEN': await xsrf(context) } });
  return Object.assign(Object.create(context) as APIRequestContext, { post });
}

test.beforeAll(async ({ playwright }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL as string;
  const newContext = () => playwright.request.newContext({ baseURL });
  const lead = await signedIn(newContext, 'lead');
  const admin = await signedIn(newContext, 'admin');
  try {
    const own: RoadmapSummaryView = await ownRoadmap(withXsrf(lead), SLUG, 'Commune de Plougastel (e2e, page publique)');
    const now = (await (await lead.get(`/api/roadmaps/${own.id}`)).json()) as RoadmapSummaryView;
    if (!now.publicPage) {
      const res = await lead.patch(`/api/roadmaps/${own.id}/settings`, {
        data: { version: now.version, publicPage: true },
        headers: { 'X-XSRF-TOKEN': await xsrf(lead) },
      });
      expect(res.status(), await res.text()).toBe(200);
    }
    // every account's name and e-mail, as the administrator sees them: none may reach a public page
    const accounts = (await (await admin.get('/api/accounts')).json()) as AccountView[];
    people = accounts.flatMap((a) => [a.name, a.email]);
    expect(people.length).toBeGreaterThan(4);
  } finally {
    await lead.dispose();
    await admin.dispose();
  }
});

test.afterAll(async () => {
  await dropRoadmaps(SLUG);
});

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('main h1').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main [role="status"]')).toHaveCount(0);
  // the public page's sections below the first screen wait for a reader (a scroll, a touch, a key: ADR 0038)
  await page.mouse.wheel(0, 1);
  await page.waitForLoadState('networkidle');
}

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function checkAt(page: Page, testInfo: TestInfo, path: string): Promise<void> {
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await open(page, path);
    await expectNoSeriousA11yViolations(page, testInfo);
    if (size === PHONE) expect(await scrollWidth(page), `${path} at 390 px`).toBeLessThanOrEqual(PHONE.width);
  }
}

test('the list, the page and the widget: no serious axe violation, at desktop width and on a phone', async ({ page }, testInfo) => {
  await checkAt(page, testInfo, '/public');
  await expect(page.getByRole('link', { name: /Commune de Plougastel/ })).toBeVisible();
  await checkAt(page, testInfo, `/public/${SLUG}`);
  await checkAt(page, testInfo, `/public/${SLUG}/encart`);
});

test('the page gives the headline, the four phases with their timeline and list, and the open data; no person’s name', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await open(page, `/public/${SLUG}`);
  await expect(page.locator('main h1')).toHaveText(/Mandat/);
  await expect(page.getByTestId('headline')).toContainText('réalisé');
  await expect(page.getByTestId('headline')).toContainText('En résumé :');
  await expect(page.getByTestId('phases').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('timeline-band').locator('li')).toHaveCount(4);
  await expect(page.getByTestId('timeline-today')).toHaveCount(1);
  // the milestones of the kit, as ticks and in the list
  const ticks = await page.getByTestId('timeline-tick').count();
  expect(ticks).toBeGreaterThan(0);
  await page.getByText('La frise sous forme de liste').click();
  await expect(page.getByTestId('timeline-list').locator(':scope > li')).toHaveCount(4);
  await expect(page.getByTestId('open-data')).toContainText('Licence Ouverte 2.0');
  await expect(page.getByTestId('open-data').locator(`a[href="/api/public/roadmaps/${SLUG}/open-data/datapackage.json"]`)).toHaveCount(1);

  const shown = (await page.locator('body').innerText()).toLowerCase();
  expect(people.filter((p) => shown.includes(p.toLowerCase()))).toEqual([]);
  expect(shown).not.toContain('@');

  // on a phone the timeline scrolls in its own labelled region, the page does not
  await page.setViewportSize(PHONE);
  const region = page.getByRole('region', { name: 'Frise du mandat, défilement horizontal' });
  await expect(region).toBeVisible();
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
});

test('printed, the page keeps its content and drops its buttons and navigation; links are written out', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await open(page, `/public/${SLUG}`);
  const print = page.getByRole('button', { name: 'Imprimer la page' });
  await expect(print).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(print).toBeHidden();
  const visibleButtons = await page
    .locator('button')
    .evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length);
  expect(visibleButtons).toBe(0);
  await expect(page.locator('.shell-footer')).toBeHidden();
  await expect(page.getByTestId('phases')).toBeVisible();
  const after = await page
    .getByTestId('open-data')
    .locator('ul a')
    .first()
    .evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain(`/api/public/roadmaps/${SLUG}/open-data/datapackage.json`);
  await page.emulateMedia({ media: 'screen' });
  await expect(print).toBeVisible();
});

test('the page and the list arrive drawn by the server: whole without JavaScript, and no app script is loaded (ADR 0040)', async ({
  browser,
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (req) => {
    if (req.resourceType() === 'script') scripts.push(new URL(req.url()).pathname);
  });
  await page.setViewportSize(PHONE);
  const res = await page.goto(`/public/${SLUG}`);
  expect(res?.status()).toBe(200);
  await expect(page.locator('main h1')).toHaveText(/Mandat/);
  // every section is in the first answer, none waits for a reader
  await expect(page.getByTestId('open-data')).toContainText('Licence Ouverte 2.0');
  await page.waitForLoadState('networkidle');
  expect(scripts).toEqual(['/public-page.js']);

  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  try {
    const reader = await noScript.newPage();
    await reader.goto(`/public/${SLUG}`);
    await expect(reader.locator('main h1')).toHaveText(/Mandat/);
    await expect(reader.getByTestId('phases').locator('tbody tr')).toHaveCount(4);
    await expect(reader.getByTestId('open-data')).toContainText('Licence Ouverte 2.0');
    // the list of public pages, drawn too, its links followed without the app
    await reader.goto('/public');
    await reader.getByRole('link', { name: /Commune de Plougastel/ }).click();
    await expect(reader).toHaveURL(new RegExp(`/public/${SLUG}$`));
    await expect(reader.locator('main h1')).toHaveText(/Mandat/);
    const closed = await reader.goto('/public/pas-de-feuille-e2e');
    expect(closed?.status()).toBe(404);
    await expect(reader.getByRole('alert')).toContainText('n’existe pas');
  } finally {
    await noScript.close();
  }
});

test('on the drawn page, « English » draws it again in English and keeps the choice; « Imprimer la page » prints', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.setViewportSize(DESKTOP);
  await page.goto(`/public/${SLUG}`);
  await page.getByRole('button', { name: 'Imprimer la page' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Where the mandate stands' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => localStorage.getItem('jalons.lang'))).toBe('en');
  // the next visit is in English too (the cookie the server reads)
  await page.goto(`/public/${SLUG}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoSeriousA11yViolations(page, test.info());

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Où en est le mandat' })).toBeVisible();
});

test('a language chosen earlier in the app (localStorage, no cookie yet) is the drawn page’s too', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('jalons.lang', 'en'));
  await page.goto(`/public/${SLUG}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Where the mandate stands' })).toBeVisible();
  expect((await page.context().cookies()).find((c) => c.name === 'jalons.lang')?.value).toBe('en');
});

test('the widget: the headline, the current phase, a link to the page in a new tab, no header nor footer, within 300 × 250', async ({
  page,
}) => {
  for (const size of [
    { width: 300, height: 250 },
    { width: 600, height: 300 },
  ]) {
    await page.setViewportSize(size);
    await open(page, `/public/${SLUG}/encart`);
    const widget = page.getByTestId('widget');
    await expect(widget).toBeVisible();
    await expect(page.locator('jl-public-widget-page')).toHaveAttribute('lang', 'fr');
    await expect(page.getByTestId('widget-progress')).toHaveText(/^\d+(,\d)?\s%$/);
    await expect(widget).toContainText('Calendrier :');
    await expect(page.locator('.shell-header')).toHaveCount(0);
    await expect(page.locator('.shell-footer')).toHaveCount(0);
    const link = page.getByRole('link', { name: 'Voir la feuille de route (nouvel onglet)' });
    await expect(link).toHaveAttribute('href', `/public/${SLUG}`);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(size.width);
    // the card ends inside the frame (the link is the last thing in it)
    const box = (await link.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    // transparent behind the card, for the host site's background
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
  }
});
