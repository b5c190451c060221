import type { APIRequestContext, Page } from '@playwright/test';
import type { ActionView, BaselineView, FunctionWithRollUpView, MilestoneView } from '@jalons/contract';

import { expectNoSeriousA11yViolations } from './a11y';
import { addDays, dropRoadmaps, ownRoadmap, parisToday } from './roadmap';
import { expect, test } from './session';

/**
 * Baselines (ADR 0017), on a roadmap of this file's own (created through the API, deleted at the
 * end): the project lead freezes baseline v1 on « Lignes de base », re-plans three items from their
 * pages with a reason (one citing a decision of the roadmap), then sees the slips on « Lignes de
 * base », the ghost bars and diamonds beneath the items on the chronogram compared with v1, and each
 * slip in the table's « Glissement » column. axe on the baselines page; it fits a 390-px phone.
 */
const SLUG = 'e2e-lignes-de-base-2026-2032';

/** Today as Paris reads it (the API's « today »). */
const today = parisToday();

async function created<T>(res: Awaited<ReturnType<APIRequestContext['post']>>): Promise<T> {
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

/** The « Replanifier » form of an item's page: new due date (or date), the reason, maybe a decision; saved. */
async function replan(
  page: Page,
  path: string,
  field: 'due' | 'date',
  day: string,
  reason: string,
  decision: string | null = null,
): Promise<void> {
  await page.goto(path);
  const form = page.getByTestId('replan-form');
  await form.locator(`#replan-${field}`).fill(day);
  const why = form.getByLabel('Motif du changement de dates');
  await expect(why).toBeVisible();
  await why.fill(reason);
  if (decision) await form.getByLabel('Décision citée (facultatif)').selectOption({ label: decision });
  await form.getByRole('button', { name: field === 'due' ? 'Enregistrer les dates' : 'Enregistrer la date' }).click();
  await expect(page.getByTestId('history')).toContainText(`Motif : ${reason}`);
}

test.describe('baselines: frozen plan, re-plans with a reason, slips', () => {
  test.afterAll(() => dropRoadmaps(SLUG));

  test('the lead freezes v1, re-plans three items with a reason, and the chronogram shows the ghosts and the slips', async ({
    page,
    request,
  }, testInfo) => {
    const r = await ownRoadmap(request, SLUG, 'Lignes de base (e2e)');
    const functions = (await (await request.get(`/api/roadmaps/${r.id}/functions`)).json()) as FunctionWithRollUpView[];
    const fn = functions.filter((f) => !f.central)[0];
    const charter = await created<ActionView>(
      await request.post(`/api/roadmaps/${r.id}/actions`, {
        data: { functionId: fn.id, title: 'Rédiger la charte de la donnée', start: addDays(today, -30), due: addDays(today, 60) },
      }),
    );
    const register = await created<ActionView>(
      await request.post(`/api/roadmaps/${r.id}/actions`, {
        data: { functionId: fn.id, title: 'Ouvrir le registre des traitements', start: addDays(today, -10), due: addDays(today, 90) },
      }),
    );
    const vote = await created<MilestoneView>(
      await request.post(`/api/roadmaps/${r.id}/milestones`, {
        data: { functionId: fn.id, title: 'Charte votée en conseil', date: addDays(today, 75) },
      }),
    );
    // the decision a re-plan cites (governance, issue 12)
    const decisionText = 'Report validé en comité de pilotage';
    await created(
      await request.post(`/api/roadmaps/${r.id}/decisions`, { data: { date: today, kind: 'replanification', text: decisionText } }),
    );

    // 1. freeze v1
    await page.goto(`/r/${SLUG}/lignes-de-base`);
    await expect(page.getByRole('heading', { level: 1, name: 'Lignes de base' })).toBeVisible();
    await expect(page.getByTestId('baselines-empty')).toBeVisible();
    await page.getByLabel('Libellé de la ligne de base').fill('v1 — plan voté');
    await page.getByLabel('Décision qui l’a approuvé (facultatif)').fill('Délibération du conseil du 25/06/2026');
    await page.getByRole('button', { name: 'Figer le plan' }).click();
    await expect(page.getByTestId('freeze-form').locator('xpath=..').getByRole('status').first()).toContainText('Ligne de base v1 figée');
    const row = page.getByTestId('baselines').locator('tbody tr').first();
    await expect(row).toContainText('v1 — plan voté');
    await expect(row).toContainText('Délibération du conseil du 25/06/2026');
    const [v1] = (await (await request.get(`/api/roadmaps/${r.id}/baselines`)).json()) as BaselineView[];
    expect([v1.number, v1.label, v1.latest]).toEqual([1, 'v1 — plan voté', true]);

    // 2. three re-plans, each with its reason; the first cites the decision
    await replan(
      page,
      `/r/${SLUG}/actions/${charter.id}`,
      'due',
      addDays(charter.due, 14),
      'Marché infructueux, relancé',
      `${today.split('-').reverse().join('/')} — Replanification — ${decisionText}`,
    );
    await expect(page.getByTestId('history')).toContainText(`Décision citée : `);
    await replan(page, `/r/${SLUG}/actions/${register.id}`, 'due', addDays(register.due, 30), 'Recrutement du DPO reporté');
    await replan(page, `/r/${SLUG}/jalons/${vote.id}`, 'date', addDays(vote.date, 7), 'Conseil municipal déplacé');

    // 3. the slips on « Lignes de base »: axe, and a 390-px phone
    await page.goto(`/r/${SLUG}/lignes-de-base`);
    const slips = page.getByTestId('slips-items');
    await expect(slips.locator(`tr[data-item="${charter.id}"]`)).toContainText('+14 j');
    await expect(slips.locator(`tr[data-item="${register.id}"]`)).toContainText('+30 j');
    await expect(slips.locator(`tr[data-item="${vote.id}"]`)).toContainText('+7 j');
    await expect(page.getByTestId('slips-function').locator('tbody tr', { hasText: fn.name })).toContainText('51');
    await expectNoSeriousA11yViolations(page, testInfo);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(slips).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const region of await page.locator('.table-scroll[role="region"]').all()) {
      await expect(region).toHaveAttribute('tabindex', '0');
      await expect(region).toHaveAttribute('aria-label', /.+/);
    }
    await expectNoSeriousA11yViolations(page, testInfo);
    await page.setViewportSize({ width: 1280, height: 800 });

    // 4. the chronogram compared with v1: ghost bars and diamonds beneath the items
    await page.goto(`/r/${SLUG}/chronogramme`);
    await page.getByRole('button', { name: 'Comparer à une ligne de base' }).click();
    await page.getByLabel('Comparer à la ligne de base').selectOption({ label: 'v1 — v1 — plan voté' });
    await expect(page).toHaveURL(new RegExp(`ligne=${v1.id}`));
    await expect(page.getByTestId('baseline-legend')).toContainText('ligne de base v1');
    for (const id of [charter.id, register.id]) {
      await expect(page.locator(`rect.jl-ghost[data-item="${id}"]`)).toHaveCount(1);
    }
    await expect(page.locator(`polygon.jl-ghost[data-item="${vote.id}"]`)).toHaveCount(1);
    // the charter's ghost ends 14 days before its bar does (1.5 px a day in the quarter view)
    const ghost = await page.locator(`rect.jl-ghost[data-item="${charter.id}"]`).boundingBox();
    expect(ghost?.width).toBeGreaterThan(0);

    // 5. the table: each slip against v1
    await page.getByRole('button', { name: 'Tableau' }).click();
    const table = page.getByTestId('chronogram-table');
    await expect(table.getByRole('columnheader', { name: /Glissement/ })).toBeVisible();
    await expect(table.locator(`tr[data-item="${charter.id}"] [data-testid="slip"]`)).toHaveText('+14 j');
    await expect(table.locator(`tr[data-item="${register.id}"] [data-testid="slip"]`)).toHaveText('+30 j');
    await expect(table.locator(`tr[data-item="${vote.id}"] [data-testid="slip"]`)).toHaveText('+7 j');
  });
});
