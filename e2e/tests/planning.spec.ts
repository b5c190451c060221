import type { APIRequestContext, Page } from '@playwright/test';
import type { ActionView, FunctionWithRollUpView, RoadmapDetailView, RoadmapSummaryView } from '@jalons/contract';
import { Client } from 'pg';

import { expectNoSeriousA11yViolations } from './a11y';
import { revealOverview } from './overview';
import { expect, test } from './session';

/**
 * The project lead's planning, on two roadmaps of this file's own (created through the API, deleted
 * at the end: later files read « the » roadmap as the first one listed): a function's colour and
 * référent·e, seen on the chronogram; a phase change checked then cancelled; the unfinished items of
 * one function carried over into the next mandate, the copy pointing back to its origin.
 */
const SOURCE = 'e2e-planification-2026-2032';
const TARGET = 'e2e-planification-2032-2038';

async function roadmap(request: APIRequestContext, slug: string, firstRound: string, nextElection: string): Promise<RoadmapSummaryView> {
  const list = (await (await request.get('/api/roadmaps')).json()) as RoadmapSummaryView[];
  const found = list.find((r) => r.slug === slug);
  if (found) return found;
  const res = await request.post('/api/roadmaps', { data: { territory: 'Planification (e2e)', firstRound, nextElection, slug } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as RoadmapSummaryView;
}

const source = (request: APIRequestContext) => roadmap(request, SOURCE, '2026-03-15', '2032-03-14');
const target = (request: APIRequestContext) => roadmap(request, TARGET, '2032-03-14', '2038-03-12');

/**
 * The page's content no wider than a phone's screen (390 px): nothing in `main` scrolls sideways. (The
 * shell's header is the shell's business.)
 */
async function expectFitsAPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  const main = page.locator('main');
  expect(await main.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  expect(await main.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe('planning by the project lead', () => {
  test.afterAll(async () => {
    const db = new Client({ connectionString: process.env['E2E_DATABASE_URL'] });
    await db.connect();
    try {
      await db.query('delete from roadmap where slug = any($1)', [[SOURCE, TARGET]]);
    } finally {
      await db.end();
    }
  });

  test('edits a function’s colour and référent·e, and sees the colour on the chronogram', async ({ page, request }, testInfo) => {
    const r = await source(request);
    const functions = (await (await request.get(`/api/roadmaps/${r.id}/functions`)).json()) as FunctionWithRollUpView[];
    const fn = functions.find((f) => !f.central)!;

    await page.goto(`/r/${SOURCE}/fonctions/${fn.id}`);
    await expect(page.getByRole('heading', { level: 1, name: fn.name })).toBeVisible();
    const section = page.getByTestId('function-edit');
    await section.getByRole('button', { name: 'Modifier la description, le ou la référent·e, la couleur' }).click();
    await section.getByLabel('Couleur sur le chronogramme').fill('#00aaff');
    await section.getByLabel('Référent·e', { exact: true }).selectOption({ label: 'Soizic Le Bihan' });
    await expectNoSeriousA11yViolations(page, testInfo);
    await expectFitsAPhone(page);
    await section.getByRole('button', { name: 'Enregistrer la fonction' }).click();
    await expect(section.getByRole('status')).toHaveText('Fonction enregistrée.');
    await expect(page.locator('.swatch').first()).toHaveAttribute('style', /background: rgb\(0, 170, 255\)/);

    await page.goto(`/r/${SOURCE}/chronogramme`);
    const group = page.locator('button.jl-gantt__group', { hasText: fn.name });
    await expect(group).toHaveAttribute('style', /--jl-fn:\s*#00aaff/);
    const saved = (await (await request.get(`/api/roadmaps/${r.id}/functions/${fn.id}`)).json()) as FunctionWithRollUpView;
    expect(saved).toMatchObject({ color: '#00aaff', owner: { name: 'Soizic Le Bihan' } });
  });

  test('checks a phase change in a dry run, then cancels it: nothing changed', async ({ page, request }, testInfo) => {
    const r = await source(request);
    const before = (await (await request.get(`/api/roadmaps/${r.id}`)).json()) as RoadmapDetailView;
    const emergence = before.phases.find((p) => p.code === 'emergence')!;

    await page.goto(`/r/${SOURCE}`);
    await revealOverview(page);
    await page.getByTestId('planning-links').getByRole('link', { name: 'Modifier les dates des phases' }).click();
    await expect(page).toHaveURL(new RegExp(`/r/${SOURCE}/phases$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Dates des phases' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo);
    await expectFitsAPhone(page);

    // emergence starts a year later: the post-electoral phase takes its first year
    const later = `${Number(emergence.start.slice(0, 4)) + 1}${emergence.start.slice(4)}`;
    const dayBefore = new Date(Date.parse(`${later}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('phase-post-electorale').getByLabel('Fin').fill(dayBefore);
    await page.getByTestId('phase-emergence').getByLabel('Début').fill(later);
    await page.getByRole('button', { name: 'Vérifier' }).click();
    const moves = page.getByTestId('moves');
    await expect(moves).toBeVisible();
    await expect(moves.locator('tbody tr').first()).toContainText(emergence.name);
    await expectNoSeriousA11yViolations(page, testInfo);

    await page.getByTestId('phase-moves').getByRole('button', { name: 'Annuler' }).click();
    await expect(page.getByTestId('phase-moves')).toHaveCount(0);
    await expect(page.getByTestId('phase-emergence').getByLabel('Début')).toHaveValue(emergence.start);
    const after = (await (await request.get(`/api/roadmaps/${r.id}`)).json()) as RoadmapDetailView;
    expect(after.phases.map((p) => [p.start, p.end])).toEqual(before.phases.map((p) => [p.start, p.end]));
    expect(after.version).toBe(before.version);
  });

  test('carries one function’s unfinished items over into the next mandate; the copy links to its origin', async ({
    page,
    request,
  }, testInfo) => {
    const from = await source(request);
    const to = await target(request);
    const functions = (await (await request.get(`/api/roadmaps/${from.id}/functions`)).json()) as FunctionWithRollUpView[];
    const fn = functions.find((f) => !f.central && f.rollUp.count > 0)!;

    await page.goto(`/r/${SOURCE}/reprise`);
    await expect(page.getByRole('heading', { level: 1, name: 'Clore le mandat et reprendre' })).toBeVisible();
    await page.getByLabel('Reprendre dans').selectOption({ label: `Planification (e2e) — ${to.mandateLabel}` });
    await page.getByLabel(`Tout cocher (${fn.name})`).check();
    await expectNoSeriousA11yViolations(page, testInfo);
    await expectFitsAPhone(page);
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await expect(page.getByTestId('carry-summary')).toContainText('seraient repris');
    await page.getByRole('button', { name: /^Reprendre \d+ éléments?$/ }).click();
    await expect(page.getByTestId('carried')).toContainText('repris dans la feuille de route suivante');

    const copies = ((await (await request.get(`/api/roadmaps/${to.id}/actions`)).json()) as ActionView[]).filter((a) => a.carriedFrom);
    expect(copies.length).toBe(fn.rollUp.count);
    const copy = copies[0];
    expect(copy.carriedFrom).toMatchObject({ roadmapId: from.id, slug: SOURCE });
    await page.goto(`/r/${TARGET}/actions/${copy.id}`);
    const origin = page.getByTestId('carried-from').getByRole('link');
    await expect(origin).toHaveText(copy.carriedFrom!.title);
    await expect(origin).toHaveAttribute('href', `/r/${SOURCE}/actions/${copy.carriedFrom!.id}`);
  });
});
