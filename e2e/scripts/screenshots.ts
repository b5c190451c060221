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

test.use({ viewport: { width: 1280, height: 720 } });

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
  await shootDownTo(page, 'overview', page.getByRole('heading', { name: /^En retard/ }).locator('xpath=ancestor::section[1]'));
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
