import type { APIRequestContext, Page } from '@playwright/test';
import type { FunctionWithRollUpView, IndicatorView } from '@jalons/contract';

import { expectNoSeriousA11yViolations } from './a11y';
import { revealOverview } from './overview';
import { addDays, dropRoadmaps, ownRoadmap, parisToday } from './roadmap';
import { expect, test } from './session';

/**
 * Indicators per function and the diagnostic's live figures, on a roadmap of this file's own (created
 * through the API, deleted at the end): the project lead defines an indicator on a function's page,
 * records two measurements and reads its health and trend; a measurement dated before the indicator's
 * baseline is refused on its date; the overview lists the indicator and shows the study's figures
 * beside the register's, where the lead sets a target.
 */
const SLUG = 'e2e-indicateurs-2026-2032';

/** Today as Paris reads it (the API's « today »). */
const today = parisToday();

/** A function of the roadmap other than the central one. */
async function someFunction(request: APIRequestContext, roadmapId: string, index = 0): Promise<FunctionWithRollUpView> {
  const functions = (await (await request.get(`/api/roadmaps/${roadmapId}/functions`)).json()) as FunctionWithRollUpView[];
  return functions.filter((f) => !f.central)[index];
}

/** The page's content no wider than a phone's screen (390 px): nothing in `main` scrolls sideways. */
async function expectFitsAPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  const main = page.locator('main');
  expect(await main.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  expect(await main.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe('indicators and the diagnostic’s figures', () => {
  test.afterAll(() => dropRoadmaps(SLUG));

  test('the lead defines an indicator on a function, records two measurements, and reads its health and trend', async ({
    page,
    request,
  }, testInfo) => {
    const r = await ownRoadmap(request, SLUG, 'Indicateurs (e2e)');
    const fn = await someFunction(request, r.id);
    await page.goto(`/r/${SLUG}/fonctions/${fn.id}`);
    const section = page.getByTestId('function-indicators');
    await expect(section.getByRole('heading', { level: 2, name: 'Indicateurs' })).toBeVisible();
    await expect(section).toContainText('Aucun indicateur n’est encore défini pour cette fonction.');

    await section.getByRole('button', { name: 'Définir un indicateur' }).click();
    await section.getByLabel('Nom de l’indicateur').fill('Jeux de données ouverts');
    await section.getByLabel('Unité', { exact: true }).fill('jeux');
    await section.getByLabel('Sens du progrès').selectOption({ label: 'À la hausse' });
    await section.getByLabel('Date du point de départ').fill(addDays(today, -60));
    await section.getByLabel('Valeur au départ').fill('10');
    await section.getByLabel('Date de la cible').fill(addDays(today, 300));
    await section.getByLabel('Valeur visée').fill('50');
    await expectNoSeriousA11yViolations(page, testInfo);
    await section.getByRole('button', { name: 'Définir l’indicateur' }).click();

    const card = section.getByTestId('indicator').filter({ hasText: 'Jeux de données ouverts' });
    await expect(card.getByRole('heading', { level: 3, name: 'Jeux de données ouverts' })).toBeVisible();
    await expect(card.getByTestId('indicator-latest')).toHaveText('Aucune mesure');

    for (const [days, value] of [
      [-30, '14'],
      [-1, '20'],
    ] as const) {
      await card.getByRole('button', { name: 'Enregistrer une mesure' }).click();
      await card.getByLabel('Date de la mesure').fill(addDays(today, days));
      await card.getByLabel('Valeur (jeux)').fill(value);
      await card.getByRole('button', { name: 'Enregistrer la mesure' }).click();
      await expect(card.getByTestId('indicator-status')).toHaveText('Mesure enregistrée.');
    }

    // 20 is a quarter of the way to 50, where a sixth of the time has passed: ahead of the line
    await expect(card.getByTestId('indicator-health')).toHaveText('En bonne voie');
    await expect(card.getByTestId('indicator-latest')).toContainText('20');
    const chart = card.getByRole('img', { name: /Tendance de « Jeux de données ouverts »/ });
    await expect(chart).toHaveAttribute('aria-label', /dernière mesure 20\s+jeux le .* cible 50\s+jeux au /);
    await expect(card.getByTestId('trend-point')).toHaveCount(2);
    await expect(card.getByTestId('trend-today')).toHaveCount(1);
    await card.getByText('Voir les mesures (2)').click();
    await expect(card.getByTestId('measurements').locator('tbody tr')).toHaveCount(2);
    await expectNoSeriousA11yViolations(page, testInfo);
    await expectFitsAPhone(page);
  });

  test('a measurement dated before the baseline is refused on its date', async ({ page, request }) => {
    const r = await ownRoadmap(request, SLUG, 'Indicateurs (e2e)');
    const fn = await someFunction(request, r.id, 1);
    const res = await request.post(`/api/roadmaps/${r.id}/functions/${fn.id}/indicators`, {
      data: {
        name: 'Agents formés',
        unit: 'personnes',
        direction: 'up',
        baselineOn: addDays(today, -20),
        baselineValue: 0,
        targetOn: addDays(today, 200),
        targetValue: 100,
      },
    });
    expect(res.status(), await res.text()).toBe(201);

    await page.goto(`/r/${SLUG}/fonctions/${fn.id}`);
    const card = page.getByTestId('indicator').filter({ hasText: 'Agents formés' });
    await card.getByRole('button', { name: 'Enregistrer une mesure' }).click();
    const day = card.getByLabel('Date de la mesure');
    await day.fill(addDays(today, -40));
    await card.getByLabel('Valeur (personnes)').fill('5');
    await card.getByRole('button', { name: 'Enregistrer la mesure' }).click();
    await expect(day).toHaveAttribute('aria-invalid', 'true');
    await expect(day).toBeFocused();
    const errorId = ((await day.getAttribute('aria-describedby')) ?? '').split(' ')[0];
    await expect(page.locator(`[id="${errorId}"]`)).not.toBeEmpty();
    const saved = (await (await request.get(`/api/roadmaps/${r.id}/functions/${fn.id}/indicators`)).json()) as IndicatorView[];
    expect(saved.find((i) => i.name === 'Agents formés')?.measurements).toEqual([]);
  });

  test('the overview lists the indicators and shows the study’s figures beside the register’s', async ({ page, request }, testInfo) => {
    const r = await ownRoadmap(request, SLUG, 'Indicateurs (e2e)');
    const fn = await someFunction(request, r.id, 2);
    const res = await request.post(`/api/roadmaps/${r.id}/functions/${fn.id}/indicators`, {
      data: {
        name: 'Délibérations publiées',
        unit: '%',
        direction: 'up',
        baselineOn: addDays(today, -10),
        baselineValue: 20,
        targetOn: addDays(today, 100),
        targetValue: 90,
      },
    });
    expect(res.status(), await res.text()).toBe(201);

    await page.goto(`/r/${SLUG}`);
    await revealOverview(page);
    const summary = page.getByTestId('indicators-summary');
    const row = summary.locator('tbody tr', { hasText: 'Délibérations publiées' });
    await expect(row).toContainText(fn.name);
    await expect(row).toContainText('Aucune mesure');
    await expect(row).toContainText('90 %');
    await expect(row.getByRole('link', { name: fn.name })).toHaveAttribute('href', `/r/${SLUG}/fonctions/${fn.id}#indicateurs`);
    // its trend in small: one image named by the latest measurement (none yet) and the target
    await expect(row.getByRole('img', { name: /^Tendance de « Délibérations publiées »/ })).toHaveAttribute(
      'aria-label',
      /aucune mesure depuis le point de départ, 20\s+% le .* cible 90\s+% au /,
    );

    const figures = page.getByTestId('figures-panel');
    await expect(figures.getByTestId('figure')).toHaveCount(8);
    const operators = figures.locator('[data-code="operators-met"]');
    await expect(operators.getByTestId('figure-study')).toHaveText('Étude : 80 %');
    await expect(figures.locator('[data-code="workshop"]').getByTestId('figure-study')).toHaveText('Étude : > 60 %');
    await expect(figures.getByRole('link', { name: 'Voir la carte des acteurs (maturité × ambition)' })).toHaveAttribute(
      'href',
      `/r/${SLUG}/diagnostic`,
    );

    await operators.getByRole('button', { name: 'Fixer une cible : Opérateurs rencontrés' }).click();
    await operators.getByLabel('Valeur visée (en %)').fill('100');
    await operators.getByLabel('À atteindre le').fill(addDays(today, 365));
    await expectNoSeriousA11yViolations(page, testInfo);
    await operators.getByRole('button', { name: 'Enregistrer la cible' }).click();
    await expect(operators.getByTestId('figure-target')).toContainText('Cible : 100');
    await expectFitsAPhone(page);
  });
});
