import { statSync } from 'node:fs';
import { join } from 'node:path';

import type { Locator, Page } from '@playwright/test';

import { BREST, brest, brestChronogram } from '../tests/roadmap';
import { expect, test } from '../tests/session';

/*
 * The README's screenshots of the seeded Brest roadmap, desktop 1280 px wide, signed in as the project lead.
 * Run by e2e/scripts/screenshots.config.ts (see there), never by the e2e suite. Each image stays under
 * 300 kB: a page too long for that is cut at the bottom of a chosen section.
 */

const OUT = join(__dirname, '..', '..', 'docs', 'screenshots');
const MAX_BYTES = 300_000;

// a French browser (navigator.language, Intl, Paris time); Debian's Chromium still draws <input type=date> in its own
// system locale (mm/dd/yyyy here): its --lang switch, not Playwright's locale, would change that
test.use({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });

/** The page from its top down to the bottom of `last`, saved as docs/screenshots/<name>.png. */
async function shootDownTo(page: Page, name: string, last: Locator): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await last.boundingBox();
  if (!box) throw new Error(`${name}: nothing to cut at`);
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(box.y + box.height + 24) } });
  expect(statSync(path).size, `${name}.png stays under ${MAX_BYTES} bytes`).toBeLessThan(MAX_BYTES);
}

async function shootElement(name: string, element: Locator): Promise<void> {
  const path = join(OUT, `${name}.png`);
  await element.screenshot({ path });
  expect(statSync(path).size, `${name}.png stays under ${MAX_BYTES} bytes`).toBeLessThan(MAX_BYTES);
}

test('overview: the timeline, the progress and what is late', async ({ page }) => {
  await page.goto(`/r/${BREST}`);
  await expect(page.getByTestId('figures-panel').getByTestId('figure').first()).toBeVisible();
  await expect(page.getByTestId('indicators-summary').getByTestId('indicators')).toBeVisible();
  await expect(page.getByTestId('s-curve-section').getByRole('img', { name: /^Courbe en S de/ })).toBeVisible();
  await page.waitForTimeout(800); // chart.js's drawing animation
  // down to the S-curve: with the headline and the S-curve (issue 12) the page down to « En retard » passes 300 kB
  await shootDownTo(page, 'overview', page.getByTestId('s-curve-section'));
});

test('the diagnostic’s figures on the overview, one with a target of the lead', async ({ page, request }) => {
  const { id } = await brest(request);
  const target = await request.put(`/api/roadmaps/${id}/diagnostic/targets/referents`, { data: { value: 100, on: '2027-12-31' } });
  expect(target.status(), await target.text()).toBe(200);
  await page.goto(`/r/${BREST}`);
  const panel = page.getByTestId('figures-panel');
  await expect(panel.getByTestId('figure')).toHaveCount(8);
  await shootElement('figures', panel);
});

test('chronogram: the Gantt by function, by year', async ({ page }) => {
  await page.goto(`/r/${BREST}/chronogramme`);
  await expect(page.locator('.bar-wrapper').first()).toBeAttached();
  await page.getByRole('button', { name: 'Année', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Année', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: join(OUT, 'chronogram.png') });
});

test('diagnostic: the maturity × ambition map of Brest', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/r/${BREST}/diagnostic`);
  await expect(page.getByTestId('map-point').first()).toBeVisible();
  await shootDownTo(page, 'diagnostic', page.locator('section').filter({ has: page.getByTestId('maturity-map') }));
});

test('indicators: the central function’s indicators', async ({ page, request }) => {
  const central = (await brestChronogram(request)).functions.find((f) => f.central);
  if (!central) throw new Error('no central function');
  await page.goto(`/r/${BREST}/fonctions/${central.id}`);
  const section = page.getByTestId('function-indicators');
  await expect(section.getByTestId('indicator').first()).toBeVisible();
  await expect(section.getByTestId('indicator')).toHaveCount(3);
  await shootElement('indicators', section);
});

/*
 * Issue 12: the S-curve, governance, the report page and the phone timeline read the seeded Brest as it is; the
 * baselines come last, as they freeze v1 (citing the seeded « validation » decision) and re-plan three actions.
 */

test('overview: the S-curve of the mandate', async ({ page }) => {
  await page.goto(`/r/${BREST}`);
  const card = page.getByTestId('s-curve-section');
  await expect(card.getByRole('img', { name: /^Courbe en S de/ })).toBeVisible();
  await page.waitForTimeout(800); // chart.js's drawing animation
  await shootElement('s-curve', card);
});

test('governance: instances, meetings, the next meeting and the decisions', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/r/${BREST}/gouvernance`);
  await expect(page.getByTestId('instances')).toContainText('Comité de pilotage');
  await expect(page.getByTestId('next-meeting')).toBeVisible();
  await page.screenshot({ path: join(OUT, 'governance.png') });
  expect(statSync(join(OUT, 'governance.png')).size).toBeLessThan(MAX_BYTES);
});

test('report: the council report’s page', async ({ page }) => {
  await page.goto(`/r/${BREST}/rapport`);
  await expect(page.getByRole('heading', { level: 1, name: 'Rapport au conseil' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Télécharger le PDF' })).toBeVisible();
  await page.screenshot({ path: join(OUT, 'report.png') });
  expect(statSync(join(OUT, 'report.png')).size).toBeLessThan(MAX_BYTES);
});

test('phone: the chronogram as a vertical timeline at 390 px', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/r/${BREST}/chronogramme`);
  await expect(page.getByTestId('vertical-timeline')).toBeVisible();
  // the header (« Menu ») and the timeline's first phases; the toolbar is scrolled past
  await page
    .getByRole('heading', { name: 'Phases et jalons' })
    .evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 90));
  await page.screenshot({ path: join(OUT, 'phone-timeline.png') });
  expect(statSync(join(OUT, 'phone-timeline.png')).size).toBeLessThan(MAX_BYTES);
});

test('baselines: v1 frozen, three re-plans, the slips and the compared chronogram', async ({ page, request }) => {
  const c = (await brestChronogram(request)) as Awaited<ReturnType<typeof brestChronogram>> & {
    actions: Array<{ id: string; status: string; due: string; version: number }>;
  };
  const id = c.roadmap.id;
  const decisions = (await (await request.get(`/api/roadmaps/${id}/decisions`)).json()) as Array<{ id: string; kind: string }>;
  const vote = decisions.find((d) => d.kind === 'validation');
  const frozen = await request.post(`/api/roadmaps/${id}/baselines`, {
    data: { label: 'Plan voté', decision: 'Délibération du conseil du 25/06/2026', ...(vote ? { decisionId: vote.id } : {}) },
  });
  expect(frozen.status(), await frozen.text()).toBe(201);
  const open = c.actions.filter((a) => a.status !== 'done' && a.due > c.roadmap.at).slice(0, 3);
  for (const [i, a] of open.entries()) {
    const due = new Date(Date.parse(`${a.due}T00:00:00Z`) + (30 + 15 * i) * 86_400_000).toISOString().slice(0, 10);
    const moved = await request.patch(`/api/actions/${a.id}`, { data: { due, reason: 'Recrutement décalé', version: a.version } });
    expect(moved.status(), await moved.text()).toBe(200);
  }

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/r/${BREST}/lignes-de-base`);
  await expect(page.getByTestId('slips-items')).toBeVisible();
  await shootElement('baselines', page.getByTestId('slips'));

  await page.goto(`/r/${BREST}/chronogramme`);
  await expect(page.locator('.bar-wrapper').first()).toBeAttached();
  await page.getByRole('button', { name: 'Comparer à une ligne de base' }).click();
  await page.getByLabel('Comparer à la ligne de base').selectOption({ label: 'v1 — Plan voté' });
  await expect(page.getByTestId('baseline-legend')).toContainText('ligne de base v1');
  await expect(page.locator('rect.jl-ghost').first()).toBeAttached();
  // the first re-planned action: its bar ends after its ghost
  await page.locator(`rect.jl-ghost[data-item="${open[0].id}"]`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, 'chronogram-baseline.png') });
  expect(statSync(join(OUT, 'chronogram-baseline.png')).size).toBeLessThan(MAX_BYTES);
});
