import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Browser, ConsoleMessage } from '@playwright/test';
import type { RoadmapSummaryView } from '@jalons/contract';

import { expectNoSeriousA11yViolations } from './a11y';
import { revealOverview } from './overview';
import { dropRoadmaps, ownRoadmap } from './roadmap';
import { expect, test } from './session';

/**
 * The widget in another site's page (issue 13, Build 2): a tiny site of the test's own, on another
 * port, frames `/public/<slug>/encart`. The lead lists that site's origin on the overview page; from
 * it the widget shows, from a site not listed (the same server reached as `localhost` rather than
 * `127.0.0.1`: another origin) Chromium refuses the frame under `frame-ancestors`.
 */
const SLUG = 'e2e-widget';
const TERRITORY = 'Commune de Landerneau (e2e, encart)';

let host: Server;
let hostPort: number;

test.beforeAll(async ({ browserName }, testInfo) => {
  expect(browserName).toBe('chromium');
  const app = testInfo.project.use.baseURL as string;
  host = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html>
<html lang="fr">
  <head><meta charset="utf-8"><title>Le site de la commune</title></head>
  <body>
    <h1>Le site de la commune</h1>
    <iframe id="encart" src="${app}/public/${SLUG}/encart" title="Avancement de la feuille de route" width="300" height="250"></iframe>
  </body>
</html>`);
  });
  // every interface, so that both 127.0.0.1 and localhost reach it
  await new Promise<void>((resolve) => host.listen(0, resolve));
  hostPort = (host.address() as AddressInfo).port;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => (host ? host.close(() => resolve()) : resolve()));
  await dropRoadmaps(SLUG);
});

/** A visitor of the host site, with no account (a context of its own: its console is read here). */
async function visit(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const messages: string[] = [];
  page.on('console', (m: ConsoleMessage) => messages.push(m.text()));
  await page.goto(url);
  return { context, page, messages };
}

test('the widget shows in a frame on a site the lead allowed, and is refused on any other', async ({
  page,
  request,
  browser,
}, testInfo) => {
  const own: RoadmapSummaryView = await ownRoadmap(request, SLUG, TERRITORY);
  const allowed = `http://127.0.0.1:${hostPort}`;

  // the lead opens the public page and lists the host site on the overview page
  await page.goto(`/r/${SLUG}`);
  await revealOverview(page);
  const setting = page.getByRole('region', { name: 'Page publique' });
  if (!own.publicPage) await setting.getByRole('button', { name: 'Ouvrir la page publique' }).click();
  await expect(setting.getByTestId('public-page-state')).toContainText('ouverte');
  const origins = setting.getByLabel('Sites autorisés à intégrer l’encart');
  await origins.fill(`${allowed}/\nhttps://www.landerneau.example`);
  await setting.getByRole('button', { name: 'Enregistrer les sites' }).click();
  await expect(setting.getByText('Sites autorisés enregistrés : 2.')).toBeVisible();
  await expect(origins).toHaveValue(`${allowed}\nhttps://www.landerneau.example`);
  await expect(setting.getByLabel('Code à coller dans la page du site')).toHaveValue(
    new RegExp(`^<iframe src="http://127\\.0\\.0\\.1:\\d+/public/${SLUG}/encart" title="[^"]+"`),
  );
  await expectNoSeriousA11yViolations(page, testInfo);
  const saved = (await (await request.get(`/api/roadmaps/${own.id}`)).json()) as RoadmapSummaryView;
  expect(saved.embedOrigins).toEqual([allowed, 'https://www.landerneau.example']);

  // a wrong line is refused on the field
  await origins.fill('https://www.landerneau.example/actualites');
  await setting.getByRole('button', { name: 'Enregistrer les sites' }).click();
  await expect(origins).toHaveAttribute('aria-invalid', 'true');
  await expect(origins).toBeFocused();
  await expect(page.locator('#embed-embedOrigins-error')).toContainText('« https://www.landerneau.example/actualites »');

  // from the allowed site: the widget, with its headline and the current phase
  const ok = await visit(browser, `${allowed}/`);
  try {
    const widget = ok.page.frameLocator('#encart').getByTestId('widget');
    await expect(widget).toBeVisible();
    await expect(widget).toContainText('réalisé');
    await expect(widget).toContainText(TERRITORY);
    await expect(widget.getByTestId('widget-phase')).toContainText('Phase en cours');
    expect(ok.messages.filter((m) => /frame-ancestors/.test(m))).toEqual([]);
  } finally {
    await ok.context.close();
  }

  // from a site not listed: Chromium refuses the frame, nothing of the widget is drawn
  const refused = await visit(browser, `http://localhost:${hostPort}/`);
  try {
    await expect.poll(() => refused.messages.some((m) => /frame-ancestors/.test(m) && m.includes(allowed))).toBe(true);
    await expect(refused.page.getByRole('heading', { name: 'Le site de la commune' })).toBeVisible();
    await expect(refused.page.frameLocator('#encart').getByTestId('widget')).toHaveCount(0);
    const frame = refused.page.frames().find((f) => f !== refused.page.mainFrame());
    expect(frame?.url() ?? '').not.toContain(`/public/${SLUG}/encart`);
  } finally {
    await refused.context.close();
  }
});
