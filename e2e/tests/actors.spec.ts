import type { Page } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';
import { addDays, brestChronogram, dayOf, ordinaryFunction } from './roadmap';
import { expect, test } from './session';

/** Nothing in the page scrolls sideways on a phone (390 px): the register's table scrolls inside its own region. */
async function expectFitsAPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // what sticks out, named in the failure: the deepest elements past the screen's right edge
  const wide = await page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > 391 && !Array.from(el.children).some((c) => c.getBoundingClientRect().right > 391))
      .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`,
      ),
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth), wide.join(', ')).toBeLessThanOrEqual(390);
  expect(await page.locator('main').evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe('the diagnostic’s register, kept by the project lead', () => {
  test('the lead adds an actor, assesses it twice, sees a refused value on its field, and targets it from an action', async ({
    page,
    request,
  }, testInfo) => {
    const c = await brestChronogram(request);
    const slug = c.roadmap.slug;
    const stamp = Date.now().toString(36);
    const name = `Direction des archives ${stamp}`;

    // the register: the lead may add; axe; a phone
    await page.goto(`/r/${slug}/acteurs`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acteurs du diagnostic');
    await expect(page.getByRole('link', { name: 'Voir la carte maturité × ambition' })).toHaveAttribute('href', `/r/${slug}/diagnostic`);
    await expectNoSeriousA11yViolations(page, testInfo);
    await expectFitsAPhone(page);

    await page.getByRole('link', { name: 'Ajouter un acteur' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvel acteur');
    await page.getByLabel('Nom', { exact: true }).fill(name);
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Direction' });
    await page.getByLabel('Rencontré le').fill(addDays(c.roadmap.at, -400));
    await page.getByRole('checkbox', { name: 'Compétences' }).check();
    await page.getByRole('checkbox', { name: 'Ingénierie de projet' }).check();
    await page.getByRole('checkbox', { name: 'Données métiers' }).check();
    await page.getByRole('checkbox', { name: 'Détient des données personnelles' }).check();
    await page.getByRole('button', { name: 'Ajouter l’acteur' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page).toHaveURL(new RegExp(`/r/${slug}/acteurs/[0-9a-f-]{36}$`));
    await expect(page.getByText('Acteur ajouté au registre.')).toBeVisible();
    const actorId = page.url().split('/').pop() as string;

    // two assessments, oldest first in the history
    const assess = async (on: string, maturity: string, ambition: string) => {
      const form = page.getByTestId('assessment-form');
      await form.getByLabel('Date de l’évaluation').fill(on);
      await form.getByLabel('Maturité (aujourd’hui)').selectOption({ label: maturity });
      await form.getByLabel('Ambition (demain)').selectOption({ label: ambition });
      await form.getByRole('button', { name: 'Ajouter l’évaluation' }).click();
    };
    const first = addDays(c.roadmap.at, -300);
    const second = addDays(c.roadmap.at, -20);
    await assess(second, '4', '5');
    const history = page.getByRole('region', { name: 'Historique des évaluations' });
    await expect(history.locator('tbody tr')).toHaveCount(1);
    await assess(first, '2', '4');
    await expect(history.locator('tbody tr')).toHaveCount(2);
    const day = (iso: string) => iso.split('-').reverse().join('/');
    await expect(history.locator('tbody th')).toHaveText([day(first), day(second)]);
    await expect(history.locator('tbody tr').first()).toContainText('Groupe médian');
    await expect(history.locator('tbody tr').last()).toContainText('Leaders');
    await expect(page.getByTestId('actor-group')).toContainText('Leaders');
    // the same day twice: refused, on the date
    await assess(second, '3', '3');
    await expect(page.locator('#evaluation-on-error')).toHaveText('Une évaluation existe déjà ce jour-là.');
    await expect(history.locator('tbody tr')).toHaveCount(2);

    // a group chosen by hand without its reason: the API's message on the reason's field
    const edit = page.getByTestId('actor-form');
    await edit.getByRole('checkbox', { name: 'Choisir le groupe à la main' }).check();
    await edit.getByLabel('Groupe choisi').selectOption({ label: 'Groupe médian' });
    await edit.getByRole('button', { name: 'Enregistrer l’acteur' }).click();
    const reason = edit.getByLabel('Raison de l’ajustement');
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#acteur-overrideReason-error')).toContainText('reason');
    await expect(reason).toBeFocused();
    await reason.fill('Attend la stratégie commune avant de se lancer');
    await edit.getByRole('button', { name: 'Enregistrer l’acteur' }).click();
    await expect(page.getByTestId('actor-group')).toContainText('Groupe médian ajusté');
    await expect(page.getByTestId('actor-group')).toContainText('Attend la stratégie commune');
    await expectNoSeriousA11yViolations(page, testInfo);
    await expectFitsAPhone(page);

    // the register lists it with its badge
    await page.getByRole('link', { name: 'Acteurs du diagnostic' }).first().click();
    const row = page.locator(`tr[data-actor="${actorId}"]`);
    await expect(row).toContainText('Groupe médian ajusté');
    await expect(row).toContainText('aucun·e');

    // an action targeting three directions, one of which has a référent·e
    const more = async (data: Record<string, unknown>) => {
      const res = await request.post(`/api/roadmaps/${c.roadmap.id}/actors`, { data: { kind: 'direction', ...data } });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as { id: string; name: string };
    };
    const withReferent = await more({ name: `Direction des sports ${stamp}`, referent: 'Anne Le Roux' });
    const without = await more({ name: `Direction de la culture ${stamp}` });
    const fn = ordinaryFunction(c);
    const start = dayOf(c, 0, 90);
    const created = await request.post(`/api/roadmaps/${c.roadmap.id}/actions`, {
      data: { functionId: fn.id, title: `Désigner un référent données dans chaque direction ${stamp}`, start, due: addDays(start, 60) },
    });
    expect(created.status(), await created.text()).toBe(201);
    const action = (await created.json()) as { id: string; title: string };

    await page.goto(`/r/${slug}/actions/${action.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(action.title);
    const targets = page.getByTestId('action-targets');
    await expect(targets).toContainText('Cette action ne vise aucun acteur du diagnostic.');
    await targets.getByRole('button', { name: 'Choisir les acteurs visés' }).click();
    await targets.getByLabel('Afficher').selectOption({ label: 'Direction' });
    for (const n of [name, withReferent.name, without.name]) await targets.getByRole('checkbox', { name: `${n} (Direction)` }).check();
    await targets.getByRole('button', { name: 'Enregistrer les acteurs visés' }).click();
    await expect(targets.getByTestId('referents-count')).toHaveText('1 sur 3 a un·e référent·e données');
    await expect(targets.locator(`li[data-target="${withReferent.id}"]`)).toContainText('référent·e : Anne Le Roux');
    await expect(targets.locator(`li[data-target="${without.id}"]`)).toContainText('pas de référent·e');
    await expectNoSeriousA11yViolations(page, testInfo);

    // the actor's page names the action
    await targets.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByTestId('targeting-actions').getByRole('link', { name: action.title })).toBeVisible();
  });
});

test.describe('the register for an elected official', () => {
  test.use({ role: 'elected' });

  test('reads it, without any form', async ({ page, request }) => {
    const c = await brestChronogram(request);
    await page.goto(`/r/${c.roadmap.slug}/acteurs`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acteurs du diagnostic');
    await expect(page.getByRole('link', { name: 'Ajouter un acteur' })).toHaveCount(0);
    // Brest's register is seeded (seeds/roadmaps/brest-2026-2032.json, « actors »)
    const actors = (await (await request.get(`/api/roadmaps/${c.roadmap.id}/actors`)).json()) as Array<{ id: string; name: string }>;
    expect(actors.length).toBeGreaterThan(0);
    await expect(page.locator('tr[data-actor]')).toHaveCount(actors.length);
    await page.locator(`tr[data-actor="${actors[0].id}"] th a`).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(actors[0].name);
    await expect(page.getByTestId('read-only')).toBeVisible();
    await expect(page.locator('main form')).toHaveCount(0);
  });
});
