import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import type { ActionView, FunctionWithRollUpView, MilestoneView } from '@jalons/contract';

import { expectNoSeriousA11yViolations } from './a11y';
import { addDays, dropRoadmaps, ownRoadmap, parisToday } from './roadmap';
import { expect, test } from './session';

/**
 * Evidence (docs/evidence.md), on a roadmap of this file's own (created through the API, deleted at
 * the end): the project lead adds a proof link on an action's page, marks a milestone achieved with
 * its proof in the same form, and sees both listed under « Preuves et documents » with their kind,
 * who added them and when; the pages pass axe and fit a 390-px phone.
 */
const SLUG = 'e2e-preuves-2026-2032';

/** Today as Paris reads it (the API's « today »). */
const today = parisToday();

async function someFunction(request: APIRequestContext, roadmapId: string): Promise<FunctionWithRollUpView> {
  const functions = (await (await request.get(`/api/roadmaps/${roadmapId}/functions`)).json()) as FunctionWithRollUpView[];
  return functions.filter((f) => !f.central)[0];
}

/**
 * « Preuves et documents » fits a phone's screen (390 px): it ends inside the screen and nothing in it
 * scrolls sideways. The whole page is not asserted here: at 390 px the item pages' « Fiche » (its
 * `dd`s) already end at 401 px before this section existed — issue 12's Build 7 (phones); what sticks
 * out is attached to the report.
 */
async function expectFitsAPhone(page: Page, testInfo: TestInfo): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  const section = page.getByTestId('item-evidence');
  await expect(section.getByRole('heading', { level: 2, name: 'Preuves et documents' })).toBeVisible();
  expect(await section.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  expect(await section.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
  const wider = await section.evaluate(
    (root) => Array.from(root.querySelectorAll('*')).filter((el) => el.getBoundingClientRect().right > 390).length,
  );
  expect(wider).toBe(0);
  const outside = await page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > 390)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`)
      .slice(0, 10),
  );
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await testInfo.attach('390px-wider-than-the-screen', {
    body: JSON.stringify({ width, outside }, null, 2),
    contentType: 'application/json',
  });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe('evidence on actions and milestones', () => {
  test.afterAll(() => dropRoadmaps(SLUG));

  test('the lead adds a proof link to an action, marks a milestone achieved with its proof, and sees both', async ({
    page,
    request,
  }, testInfo) => {
    const r = await ownRoadmap(request, SLUG, 'Preuves (e2e)');
    const fn = await someFunction(request, r.id);
    const actionRes = await request.post(`/api/roadmaps/${r.id}/actions`, {
      data: { functionId: fn.id, title: 'Ouvrir les données des lieux de médiation', start: addDays(today, -30), due: addDays(today, 60) },
    });
    expect(actionRes.status(), await actionRes.text()).toBe(201);
    const action = (await actionRes.json()) as ActionView;
    const milestoneRes = await request.post(`/api/roadmaps/${r.id}/milestones`, {
      data: { functionId: fn.id, title: 'Charte de la donnée votée', date: addDays(today, 20) },
    });
    expect(milestoneRes.status(), await milestoneRes.text()).toBe(201);
    const milestone = (await milestoneRes.json()) as MilestoneView;

    // a link on the action, from its page
    await page.goto(`/r/${SLUG}/actions/${action.id}`);
    const section = page.getByTestId('item-evidence');
    await expect(section.getByRole('heading', { level: 2, name: 'Preuves et documents' })).toBeVisible();
    await expect(section).toContainText('Aucune preuve ni aucun document pour l’instant.');
    await section.getByLabel('Intitulé').fill('Délibération du conseil du 25/06/2026');
    await section.getByLabel('Adresse (URL)').fill('https://www.brest.fr/deliberations/2026-06-25.pdf');
    await section.getByLabel('Type').selectOption({ label: 'Délibération' });
    await section.getByRole('button', { name: 'Ajouter la preuve' }).click();
    const item = section.getByTestId('evidence-list').getByRole('listitem');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Délibération');
    await expect(item).toContainText('ajouté par');
    const link = item.getByRole('link', { name: 'Délibération du conseil du 25/06/2026' });
    await expect(link).toHaveAttribute('href', 'https://www.brest.fr/deliberations/2026-06-25.pdf');
    await expect(link).not.toHaveAttribute('target', /.*/);
    await expect(section.getByRole('button', { name: 'Supprimer la preuve « Délibération du conseil du 25/06/2026 »' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo);
    await expectFitsAPhone(page, testInfo);

    // the milestone achieved, with its proof in the same form
    await page.goto(`/r/${SLUG}/jalons/${milestone.id}`);
    const form = page.getByTestId('milestone-form');
    await expect(form.getByLabel('Atteint le')).toHaveValue(today);
    await form.getByLabel('Intitulé de la preuve').fill('Charte de la donnée publiée');
    await form.getByLabel('Adresse de la preuve').fill('https://data.brest.fr/charte');
    await form.getByLabel('Type de preuve').selectOption({ label: 'Page web' });
    await expectNoSeriousA11yViolations(page, testInfo);
    await form.getByRole('button', { name: 'Marquer comme atteint' }).click();
    await expect(form.getByRole('button', { name: 'Marquer comme non atteint' })).toBeVisible();
    const proofs = page.getByTestId('item-evidence').getByTestId('evidence-list').getByRole('listitem');
    await expect(proofs).toHaveCount(1);
    await expect(proofs).toContainText('Page web');
    await expect(proofs.getByRole('link', { name: 'Charte de la donnée publiée' })).toHaveAttribute('href', 'https://data.brest.fr/charte');
    await expect(page.getByTestId('history')).toContainText('Preuve');
    await expect(page.getByTestId('history')).toContainText('Charte de la donnée publiée');
    await expectNoSeriousA11yViolations(page, testInfo);
    await expectFitsAPhone(page, testInfo);

    // both, as the API lists them
    const ofAction = (await (await request.get(`/api/actions/${action.id}/evidence`)).json()) as Array<{ kind: string }>;
    const ofMilestone = (await (await request.get(`/api/milestones/${milestone.id}/evidence`)).json()) as Array<{ kind: string }>;
    expect([ofAction.map((e) => e.kind), ofMilestone.map((e) => e.kind)]).toEqual([['deliberation'], ['page-web']]);
  });
});
