import type { Page, TestInfo } from '@playwright/test';
import type { ActionView, FunctionWithRollUpView, MeetingView } from '@jalons/contract';

import { expectNoSeriousA11yViolations } from './a11y';
import { addDays, dropRoadmaps, ownRoadmap, parisToday } from './roadmap';
import { expect, test } from './session';

/**
 * Governance (docs/governance.md), on a roadmap of this file's own (created through the API, deleted
 * at the end): the project lead adds an instance, creates a meeting — an account and a typed name
 * among the attendees, an agenda item linked to an action — records two decisions on its page, a
 * re-plan of the action (from its page) cites the second, and the action's page lists it; the relevé de décisions
 * shows both, numbered, ready to print. Each page passes axe and fits a 390-px phone.
 */
const SLUG = 'e2e-gouvernance-2026-2032';

/** Today as Paris reads it (the API's « today »). */
const today = parisToday();

/** At 390 px wide the page does not scroll sideways; what sticks out, if anything, is attached. */
async function expectFitsAPhone(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(100);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 390) {
    const outside = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((el) => el.getBoundingClientRect().right > 390)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`)
        .slice(0, 10),
    );
    await testInfo.attach(`390px-${name}`, { body: JSON.stringify({ width, outside }, null, 2), contentType: 'application/json' });
  }
  expect(width, `${name} at 390 px`).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe('governance: instances, meetings, decisions, the relevé', () => {
  test.afterAll(() => dropRoadmaps(SLUG));

  test('the lead records a meeting with two decisions, a re-plan cites one, the item and the relevé show them', async ({
    page,
    request,
  }, testInfo) => {
    const r = await ownRoadmap(request, SLUG, 'Gouvernance (e2e)');
    const functions = (await (await request.get(`/api/roadmaps/${r.id}/functions`)).json()) as FunctionWithRollUpView[];
    const fn = functions.filter((f) => !f.central)[0];
    const actionRes = await request.post(`/api/roadmaps/${r.id}/actions`, {
      data: { functionId: fn.id, title: 'Rédiger la charte de la donnée', start: addDays(today, -30), due: addDays(today, 60) },
    });
    expect(actionRes.status(), await actionRes.text()).toBe(201);
    const action = (await actionRes.json()) as ActionView;

    // the governance page: an instance first
    await page.goto(`/r/${SLUG}/gouvernance`);
    await expect(page.getByRole('heading', { level: 1, name: 'Gouvernance' })).toBeVisible();
    await expect(page.getByTestId('next-meeting')).toContainText('Aucune réunion prévue.');
    const instances = page.getByTestId('instances');
    await instances.getByLabel('Nom', { exact: true }).fill('Comité de pilotage');
    await instances.getByRole('button', { name: 'Ajouter l’instance' }).click();
    await expect(instances.getByRole('listitem').filter({ hasText: 'Comité de pilotage' })).toContainText('0 réunion');

    // « Nouvelle réunion »: attendees picked and typed, an agenda item linked to the action
    await page.getByRole('button', { name: 'Nouvelle réunion' }).click();
    const form = page.getByTestId('meeting-new-form');
    await expect(form.getByLabel('Instance')).toBeFocused();
    await form.getByLabel('Date', { exact: true }).fill(today);
    await form.getByLabel('Titre (facultatif)').fill('Comité de lancement');
    await form.getByLabel('Un compte').selectOption({ label: 'Camille Le Goff' });
    await form.getByRole('button', { name: 'Ajouter le compte' }).click();
    await form.getByLabel('Ou un nom').fill('Maïl Le Berre');
    await form.getByRole('button', { name: 'Ajouter ce nom' }).click();
    await expect(form.getByTestId('meeting-new-attendees').getByRole('listitem')).toHaveCount(2);
    await form.getByRole('button', { name: 'Ajouter un point' }).click();
    await form.getByLabel('Point 1', { exact: true }).fill('La charte de la donnée');
    await form.getByLabel('Action ou jalon concerné (facultatif)').selectOption({ label: 'Action · Rédiger la charte de la donnée' });
    await form.getByLabel('Compte rendu (facultatif)').fill('Le comité lance la démarche.');
    await expectNoSeriousA11yViolations(page, testInfo);
    await form.getByRole('button', { name: 'Créer la réunion' }).click();

    // the meeting's page
    await expect(page).toHaveURL(new RegExp(`/r/${SLUG}/reunions/[0-9a-f-]{36}$`));
    const meetingId = page.url().split('/').pop() as string;
    await expect(page.getByRole('heading', { level: 1, name: 'Comité de lancement' })).toBeVisible();
    await expect(page.getByTestId('attendees')).toContainText('Camille Le Goff');
    await expect(page.getByTestId('attendees')).toContainText('Maïl Le Berre');
    await expect(page.getByTestId('agenda').getByRole('link', { name: 'Rédiger la charte de la donnée' })).toHaveAttribute(
      'href',
      `/r/${SLUG}/actions/${action.id}`,
    );
    await expect(page.getByTestId('minutes')).toContainText('Le comité lance la démarche.');

    // two decisions: a validation linked to the action, a re-plan linked to nothing (yet)
    const decisions = page.getByTestId('meeting-decisions');
    await decisions.getByRole('button', { name: 'Ajouter une décision' }).click();
    let dform = page.getByTestId('decision-new-form');
    await dform.getByLabel('Type de décision').selectOption({ label: 'Validation' });
    await dform.getByLabel('Décision', { exact: true }).fill('Le plan v1 est validé.');
    await dform.getByLabel('Action ou jalon', { exact: true }).selectOption({ label: 'Action · Rédiger la charte de la donnée' });
    await dform.getByRole('button', { name: 'Lier' }).click();
    await dform.getByRole('button', { name: 'Ajouter la décision' }).click();
    await expect(decisions.locator('[data-decision]')).toHaveCount(1);
    await decisions.getByRole('button', { name: 'Ajouter une décision' }).click();
    dform = page.getByTestId('decision-new-form');
    await dform.getByLabel('Type de décision').selectOption({ label: 'Replanification' });
    await dform.getByLabel('Décision', { exact: true }).fill('La charte est reportée d’un mois.');
    await dform.getByRole('button', { name: 'Ajouter la décision' }).click();
    await expect(decisions.locator('[data-decision]')).toHaveCount(2);
    await expect(decisions.locator('[data-decision]').nth(0)).toContainText('Validation');
    await expect(decisions.locator('[data-decision]').nth(0).getByRole('link', { name: 'Rédiger la charte de la donnée' })).toBeVisible();
    await expect(decisions.locator('[data-decision]').nth(1)).toContainText('Replanification');
    await expectNoSeriousA11yViolations(page, testInfo);
    await expectFitsAPhone(page, testInfo, 'meeting');

    // editing over a newer version is refused, and said so
    await page.getByRole('button', { name: 'Modifier la réunion' }).click();
    const meeting = (await (await request.get(`/api/meetings/${meetingId}`)).json()) as MeetingView;
    const bumped = await request.patch(`/api/meetings/${meetingId}`, { data: { version: meeting.version, minutes: 'Compte rendu relu.' } });
    expect(bumped.status(), await bumped.text()).toBe(200);
    const edit = page.getByTestId('meeting-edit-form');
    await edit.getByLabel('Titre (facultatif)').fill('Comité de lancement (relu)');
    await edit.getByRole('button', { name: 'Enregistrer la réunion' }).click();
    await expect(edit.getByRole('alert')).toContainText('modifiée entre-temps');

    // a re-plan of the action, from its page, cites the second decision (the roadmap frozen first: the form asks why)
    const frozen = await request.post(`/api/roadmaps/${r.id}/baselines`, { data: { label: 'v1' } });
    expect(frozen.status(), await frozen.text()).toBe(201);
    await page.goto(`/r/${SLUG}/actions/${action.id}`);
    const onItem = page.getByTestId('item-decisions');
    await expect(onItem.locator('[data-decision]')).toHaveCount(1);
    const replanForm = page.getByTestId('replan-form');
    await replanForm.locator('#replan-due').fill(addDays(today, 90));
    await replanForm.getByLabel('Motif du changement de dates').fill('Reportée par le comité de lancement.');
    await replanForm
      .getByLabel('Décision citée (facultatif)')
      .selectOption({ label: `${today.split('-').reverse().join('/')} — Replanification — La charte est reportée d’un mois.` });
    await replanForm.getByRole('button', { name: 'Enregistrer les dates' }).click();
    await expect(page.getByTestId('history')).toContainText('Motif : Reportée par le comité de lancement.');
    await expect(onItem.getByRole('heading', { level: 2, name: 'Décisions' })).toBeVisible();
    await expect(onItem.locator('[data-decision]')).toHaveCount(2);
    await expect(onItem).toContainText('La charte est reportée d’un mois.');
    await expect(onItem).toContainText('Le plan v1 est validé.');

    // the relevé: both decisions numbered, to print without the application's header
    await page.goto(`/r/${SLUG}/reunions/${meetingId}/releve`);
    const releve = page.getByTestId('releve');
    await expect(releve.getByRole('heading', { level: 1, name: 'Relevé de décisions' })).toBeVisible();
    await expect(releve).toContainText('Comité de pilotage');
    await expect(page.getByTestId('releve-attendees')).toContainText('Camille Le Goff, Maïl Le Berre.');
    const items = page.getByTestId('releve-decisions').locator(':scope > li');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText('Validation');
    await expect(items.nth(0)).toContainText('Rédiger la charte de la donnée');
    await expect(items.nth(1)).toContainText('Replanification');
    await expect(items.nth(1)).toContainText('Rédiger la charte de la donnée');
    await expect(releve.getByRole('button', { name: 'Imprimer' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo);
    await expectFitsAPhone(page, testInfo, 'releve');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.shell-header')).toBeHidden();
    await expect(releve.getByRole('button', { name: 'Imprimer' })).toBeHidden();
    await expect(items).toHaveCount(2);
    await page.emulateMedia({ media: 'screen' });

    // back on the governance page: the meeting listed with its two decisions, highlighted as the next one
    await page.goto(`/r/${SLUG}/gouvernance`);
    const row = page.locator(`[data-meeting="${meetingId}"]`);
    await expect(row).toContainText('Comité de pilotage');
    await expect(row.locator('td').last()).toHaveText('2');
    await expect(row).toContainText('prochaine');
    await expect(page.getByTestId('next-meeting')).toContainText('Comité de pilotage');
    await expect(page.getByTestId('decision-list').locator('[data-decision]')).toHaveCount(2);
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Replanification' });
    await expect(page.getByTestId('decision-list').locator('[data-decision]')).toHaveCount(1);
    await expectNoSeriousA11yViolations(page, testInfo);
    await expectFitsAPhone(page, testInfo, 'governance');
  });
});
