import type { Locator, Page, TestInfo } from '@playwright/test';
import type { FunctionWithRollUpView, RoadmapDetailView } from '@jalons/contract';

import { expectNoSeriousA11yViolations } from './a11y';
import { revealOverview } from './overview';
import { BREST, addDays, brest } from './roadmap';
import { expect, test } from './session';

/**
 * Progress over time (docs/progress.md): the S-curve on the overview and on a function's page,
 * drawn by chart.js (loaded on demand, under the Content-Security-Policy), named for screen
 * readers by its latest point, its figures in a table behind « Voir les données »; the seeded
 * history since March 2025 makes the achieved line rise before today. The headline above the
 * overview: both healths, « À la date du » (?at=) and the way to the council report. Read only:
 * nothing is changed, so the seeded state other files change does not matter.
 */

/** Today as Paris reads it (the API's « today »). */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

/** « 30/09/2025 » → « 2025-09-30 » */
const iso = (fr: string) => fr.split('/').reverse().join('-');
/** « 34,5 % » → 34.5; « — » → null */
const percent = (s: string) => (/\d/.test(s) ? Number(s.replace(/[^\d,]/g, '').replace(',', '.')) : null);

interface Row {
  date: string;
  expected: number | null;
  achieved: number | null;
}

/** The points of the table behind « Voir les données ». */
async function dataRows(card: Locator): Promise<Row[]> {
  const cells = await card
    .getByTestId('s-curve-data')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())));
  return cells.map(([date, expected, achieved]) => ({
    date: iso(date.slice(0, 10)),
    expected: percent(expected),
    achieved: percent(achieved),
  }));
}

/** How many pixels of the canvas chart.js has painted (0: blank). */
async function paintedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
}

/** The card fits a 390-px phone: the chart within it, the table scrolling in its own region. */
async function expectCardFitsAPhone(page: Page, card: Locator, testInfo: TestInfo): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(card.locator('canvas')).toBeVisible();
  // chart.js follows its box when the window narrows
  await expect.poll(() => card.locator('canvas').evaluate((c) => c.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
  expect(await card.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
  expect(await card.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  const region = card.getByRole('region', { name: 'Données de la courbe en S' });
  expect(await region.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await testInfo.attach('390px-page-width', { body: String(width), contentType: 'text/plain' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe('progress over time', () => {
  test('the overview draws the roadmap’s S-curve from the seeded history, with its table, for the roadmap and a phase', async ({
    page,
    request,
  }, testInfo) => {
    const { id } = await brest(request);
    const roadmap = (await (await request.get(`/api/roadmaps/${id}`)).json()) as RoadmapDetailView;
    await page.goto(`/r/${BREST}`);
    await revealOverview(page);
    const card = page.getByTestId('s-curve-section');
    await expect(card.getByRole('heading', { level: 2, name: 'Avancement dans le temps' })).toBeVisible();

    const canvas = card.getByRole('img', { name: /^Courbe en S de « .+ », au \d\d\/\d\d\/\d{4} : réalisé .+ %, prévu .+ %$/ });
    await expect(canvas).toBeVisible();
    await expect.poll(() => paintedPixels(canvas), { message: 'chart.js draws the curve' }).toBeGreaterThan(1000);

    await card.getByText('Voir les données').click();
    const table = card.getByTestId('s-curve-data');
    await expect(table).toBeVisible();
    const rows = await dataRows(card);
    expect(rows.length).toBeGreaterThan(12);
    // month ends from the first phase's start to the last one's end, plus today
    expect(rows.map((r) => r.date)).toContain(today);
    const lastEnd = roadmap.phases.map((p) => p.end).sort()[roadmap.phases.length - 1];
    expect(rows[rows.length - 1].date.slice(0, 7)).toBe(lastEnd.slice(0, 7));
    // the history makes the past rise: a month before today already has achieved progress
    const past = rows.filter((r) => r.date < today);
    expect(past.some((r) => (r.achieved ?? 0) > 0)).toBe(true);
    // nothing is achieved after today; the plan expects everything by the end
    expect(rows.filter((r) => r.date > today).every((r) => r.achieved === null)).toBe(true);
    expect(rows[rows.length - 1].expected).toBe(100);
    // the canvas's name is today's point
    const todayRow = rows.find((r) => r.date === today);
    const [dd, mm, yyyy] = [today.slice(8), today.slice(5, 7), today.slice(0, 4)];
    await expect(canvas).toHaveAccessibleName(new RegExp(`au ${dd}/${mm}/${yyyy} : réalisé`));
    expect(todayRow?.achieved).not.toBeNull();

    // one phase's curve
    const current = roadmap.phases.find((p) => p.id === roadmap.currentPhaseId) ?? roadmap.phases[0];
    await card.getByLabel('Périmètre').selectOption({ label: `Phase ${current.order} : ${current.name}` });
    await expect(card.getByRole('img', { name: new RegExp(`^Courbe en S de « ${current.name} »`) })).toBeVisible();

    await expectNoSeriousA11yViolations(page, testInfo);
    await expectCardFitsAPhone(page, card, testInfo);
    // the headline above fits too (its date, « Afficher » and « Rapport au conseil » wrap)
    await page.setViewportSize({ width: 390, height: 844 });
    const headline = page.getByTestId('headline');
    expect(await headline.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
    expect(
      await headline.evaluate((el) => Array.from(el.querySelectorAll('*')).filter((c) => c.getBoundingClientRect().right > 390).length),
    ).toBe(0);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('a function’s page shows the function’s S-curve', async ({ page, request }, testInfo) => {
    const { id } = await brest(request);
    const functions = (await (await request.get(`/api/roadmaps/${id}/functions`)).json()) as FunctionWithRollUpView[];
    const fn = functions.find((f) => !f.central) ?? functions[0];
    await page.goto(`/r/${BREST}/fonctions/${fn.id}`);
    const card = page.getByTestId('s-curve-section');
    await expect(card.getByRole('heading', { level: 2, name: 'Avancement dans le temps' })).toBeVisible();
    const canvas = card.getByRole('img', { name: new RegExp(`^Courbe en S de « ${fn.name} », au `) });
    await expect(canvas).toBeVisible();
    await expect.poll(() => paintedPixels(canvas)).toBeGreaterThan(1000);
    await expect(card.getByLabel('Périmètre')).toHaveCount(0);
    await card.getByText('Voir les données').click();
    expect((await dataRows(card)).length).toBeGreaterThan(12);
    await expectNoSeriousA11yViolations(page, testInfo);
    await expectCardFitsAPhone(page, card, testInfo);
  });

  test('the headline: both healths, which sets it, the overview at a past day, the way to the report', async ({ page }) => {
    await page.goto(`/r/${BREST}`);
    const headline = page.getByTestId('headline');
    await expect(headline.getByTestId('headline-overall')).toContainText('Santé d’ensemble :');
    await expect(headline.getByTestId('headline-phase')).toContainText(/Phase en cours \(.+\) :/);
    await expect(headline.getByTestId('headline-driver')).toContainText('Appréciation retenue :');

    const day = addDays(today, -120);
    // today's overview shows the date field on demand, focused
    await headline.getByRole('button', { name: 'Voir un autre jour…' }).click();
    await expect(headline.getByLabel('À la date du')).toBeFocused();
    await headline.getByLabel('À la date du').fill(day);
    await headline.getByRole('button', { name: 'Afficher' }).click();
    await expect(page).toHaveURL(new RegExp(`/r/${BREST}\\?at=${day}$`));
    const fr = `${day.slice(8)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
    await expect(headline.getByRole('heading', { level: 2 })).toHaveText(`En bref, au ${fr}`);
    await expect(headline.getByRole('link', { name: 'Rapport au conseil' })).toHaveAttribute('href', `/r/${BREST}/rapport?at=${day}`);

    await headline.getByRole('button', { name: 'Revenir à aujourd’hui' }).click();
    await expect(page).toHaveURL(new RegExp(`/r/${BREST}$`));
    await headline.getByRole('link', { name: 'Rapport au conseil' }).click();
    await expect(page).toHaveURL(new RegExp(`/r/${BREST}/rapport$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Rapport au conseil' })).toBeVisible();
  });
});
