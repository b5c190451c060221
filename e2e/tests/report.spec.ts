import type { ActionView, FunctionWithRollUpView, RoadmapDetailView } from '@jalons/contract';
import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';

import { expectNoSeriousA11yViolations } from './a11y';
import { BREST, addDays, dropRoadmaps, ownRoadmap, parisToday } from './roadmap';
import { expect, test } from './session';

/**
 * The council report (docs/report.md) from its page, `/r/<slug>/rapport`: the report for 31/12/2026
 * downloads as a PDF whose text holds the four phases, the central function and the ten target
 * functions, a late action and a decision — on a roadmap of this file's own (created through the
 * API with a late action and a decision of its own, deleted at the end); the web version opens in a
 * new tab; the page passes axe and fits an elected official's phone (390 × 844).
 */
const SLUG = 'e2e-rapport-2026-2032';
const AT = '2026-12-31';
const LATE = 'Publier le registre des traitements (e2e rapport)';
const DECISION = 'Arbitrage e2e : le registre passe avant le portail';

/** Today as Paris reads it (the API's « today »). */
const today = parisToday();

/** The PDF's text, whitespace collapsed (a long name may wrap in a cell). */
async function pdfText(path: string): Promise<string> {
  const parser = new PDFParse({ data: readFileSync(path) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

test.describe('the council report', () => {
  test.afterAll(() => dropRoadmaps(SLUG));

  test('the report for 31/12/2026 downloads as a PDF with the phases, the functions, what is late and the decisions', async ({
    page,
    request,
  }) => {
    const roadmap = await ownRoadmap(request, SLUG, 'Rapport (e2e)');
    const functions = (await (await request.get(`/api/roadmaps/${roadmap.id}/functions`)).json()) as FunctionWithRollUpView[];
    const detail = (await (await request.get(`/api/roadmaps/${roadmap.id}`)).json()) as RoadmapDetailView;
    expect(detail.phases).toHaveLength(4);
    expect(functions.filter((f) => !f.central)).toHaveLength(10);

    // a late action (due five days ago, not started) and a decision of today
    const fn = functions.find((f) => !f.central) as FunctionWithRollUpView;
    const created = await request.post(`/api/roadmaps/${roadmap.id}/actions`, {
      data: { functionId: fn.id, title: LATE, start: addDays(today, -40), due: addDays(today, -5) },
    });
    expect(created.status(), await created.text()).toBe(201);
    const action = (await created.json()) as ActionView;
    const decided = await request.post(`/api/roadmaps/${roadmap.id}/decisions`, {
      data: { date: today, kind: 'arbitrage', text: DECISION, items: [{ type: 'action', id: action.id }] },
    });
    expect(decided.status(), await decided.text()).toBe(201);

    await page.goto(`/r/${SLUG}/rapport?at=${AT}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Rapport au conseil' })).toBeVisible();
    await expect(page.getByLabel('Situation au')).toHaveValue(AT);
    await expect(page.getByRole('radio', { name: 'A4 portrait' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'Français' })).toBeChecked();
    // « depuis » before the decision: it is in « achieved since » and « decisions »
    await page.getByLabel('Réalisé depuis le (facultatif)').fill(addDays(today, -30));

    const pdfLink = page.getByRole('link', { name: 'Télécharger le PDF' });
    await expect(pdfLink).toHaveAttribute('href', new RegExp(`/api/roadmaps/${roadmap.id}/report\\?at=${AT}&format=pdf&paper=a4&lang=fr`));
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    expect(download.suggestedFilename()).toBe(`rapport-${SLUG}-${AT}.pdf`);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');

    const text = await pdfText(path);
    for (const phase of detail.phases) expect(text, `phase ${phase.name}`).toContain(phase.name);
    for (const f of functions) expect(text, `function ${f.name}`).toContain(f.name);
    expect(text).toContain(LATE);
    expect(text).toContain(DECISION);

    // the web version, in a new tab
    const [tab] = await Promise.all([page.waitForEvent('popup'), page.getByRole('link', { name: /Ouvrir la version web/ }).click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toContain(`format=html`);
    await expect(tab.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(tab.locator('body')).toContainText(DECISION);
    await tab.close();
  });
});

test.describe('the report page for an elected official', () => {
  test.use({ role: 'elected' });

  test('is accessible and fits a 390 × 844 phone', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/r/${BREST}/rapport`);
    await expect(page.getByRole('heading', { level: 1, name: 'Rapport au conseil' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Télécharger le PDF' })).toBeVisible();
    await page.getByRole('radio', { name: 'A3 paysage' }).check();
    await page.getByRole('radio', { name: 'English' }).check();
    await expect(page.getByRole('link', { name: 'Télécharger le PDF' })).toHaveAttribute('href', /paper=a3&lang=en/);
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((el) => el.getBoundingClientRect().right > 390)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
        .slice(0, 10),
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth), wide.join(', ')).toBeLessThanOrEqual(390);
    await expectNoSeriousA11yViolations(page, testInfo);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoSeriousA11yViolations(page, testInfo);
  });
});
