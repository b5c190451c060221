import type { APIRequestContext, Page } from '@playwright/test';
import type { ActionView } from '@jalons/contract';
import ExcelJS from 'exceljs';

import { expectNoSeriousA11yViolations } from './a11y';
import { addDays, brest, days, readChronogram } from './roadmap';
import { expect, test } from './session';

async function roadmapId(request: APIRequestContext): Promise<string> {
  return (await brest(request)).id;
}

/** An action not started yet, early in 2027: visible next to today's line when the chart opens. */
async function plannedAction(request: APIRequestContext, skip: string[] = []): Promise<ActionView> {
  const id = await roadmapId(request);
  const actions: ActionView[] = await (await request.get(`/api/roadmaps/${id}/actions?status=a_lancer&dueAfter=2027-01-01`)).json();
  const found = actions.find((a) => a.start >= '2027-01-01' && a.start <= '2027-02-28' && !skip.includes(a.id));
  if (!found) throw new Error('no action to drag in the seed');
  return found;
}

async function openChart(page: Page): Promise<void> {
  await page.goto('/chronogramme');
  await expect(page.locator('.bar-wrapper').first()).toBeAttached();
}

/** Drags a bar horizontally by `dx` pixels with the mouse, in small steps as a hand would. */
async function dragBar(page: Page, actionId: string, dx: number): Promise<void> {
  const bar = page.locator(`.bar-wrapper[data-id^="a-${actionId}"] .bar`).first();
  await bar.scrollIntoViewIfNeeded();
  const box = (await bar.boundingBox())!;
  const y = box.y + box.height / 2;
  const x = box.x + Math.min(20, box.width / 2);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(x + (dx * i) / 10, y);
  await page.mouse.up();
}

test.describe('the chronogram', () => {
  test('switches view modes and shows French labels; the table view holds the same items; no serious a11y violation', async ({
    page,
    request,
  }, testInfo) => {
    await openChart(page);
    const month = page.getByRole('group', { name: 'Échelle de temps' }).getByRole('button', { name: 'Mois' });
    await month.click();
    await expect(month).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.gantt-container').getByText('Janvier').first()).toBeAttached();
    await expect(page.getByText('Today', { exact: true })).toHaveCount(0);
    const year = page.getByRole('group', { name: 'Échelle de temps' }).getByRole('button', { name: 'Année' });
    await year.click();
    await expect(year).toHaveAttribute('aria-pressed', 'true');
    await expect(month).toHaveAttribute('aria-pressed', 'false');
    await page.screenshot({ path: testInfo.outputPath('chronogram.png') });
    await expectNoSeriousA11yViolations(page, testInfo);

    await page.getByRole('button', { name: 'Tableau' }).click();
    const table = page.getByRole('table');
    await expect(table).toBeVisible();
    const chrono = await readChronogram(request, await roadmapId(request));
    await expect(table.locator('tbody th[scope="row"]')).toHaveCount(chrono.actions.length + chrono.milestones.length);
    await expect(table.locator('th[scope="rowgroup"]')).toHaveCount(11);
    await expectNoSeriousA11yViolations(page, testInfo);
    // from the keyboard: the first item's link opens its page
    const first = table.locator('tbody th[scope="row"] a').first();
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/(actions|jalons)\//);
    await expectNoSeriousA11yViolations(page, testInfo);
  });

  test('re-plans an action by dragging its bar: whole days, kept after a reload', async ({ page, request }) => {
    const action = await plannedAction(request);
    await openChart(page);
    await page.getByRole('button', { name: 'Mois' }).click();
    await page.getByRole('button', { name: 'Modifier le planning' }).click();
    const saved = page.waitForResponse((r) => r.url().includes(`/api/actions/${action.id}`) && r.request().method() === 'PATCH');
    await dragBar(page, action.id, 14 * 4); // month view: 4 px a day
    expect((await saved).status()).toBe(200);
    await page.reload();
    const after: ActionView = await (await request.get(`/api/actions/${action.id}`)).json();
    const shift = days(action.start, after.start);
    expect(shift).toBeGreaterThanOrEqual(12);
    expect(shift).toBeLessThanOrEqual(16);
    expect(days(after.start, after.due)).toBe(days(action.start, action.due));
    expect(after.version).toBe(action.version + 1);
  });

  test('says why a drag is refused and puts the bar back', async ({ page, request }) => {
    const action = await plannedAction(request);
    await openChart(page);
    await page.getByRole('button', { name: 'Mois' }).click();
    await page.getByRole('button', { name: 'Modifier le planning' }).click();
    // someone else changes the action meanwhile: the page's version is now stale
    const current: ActionView = await (await request.get(`/api/actions/${action.id}`)).json();
    expect(
      (await request.put(`/api/actions/${action.id}/status`, { data: { version: current.version, status: 'en_cours', progress: 5 } })).ok(),
    ).toBe(true);
    const bar = page.locator(`.bar-wrapper[data-id^="a-${action.id}"] .bar`).first();
    await bar.scrollIntoViewIfNeeded();
    const before = (await bar.boundingBox())!;
    const refused = page.waitForResponse((r) => r.url().includes(`/api/actions/${action.id}`) && r.request().method() === 'PATCH');
    await dragBar(page, action.id, 10 * 4);
    expect((await refused).status()).toBe(409);
    await expect(page.getByRole('alert')).toContainText('Modification refusée');
    const back = page.locator(`.bar-wrapper[data-id^="a-${action.id}"] .bar`).first();
    // the page reloads the chronogram after a 409: the bar may be redrawn meanwhile
    await expect
      .poll(async () => {
        const box = await back.boundingBox();
        return box ? Math.round(box.x - before.x) : null;
      })
      .toBe(0);
    const unchanged: ActionView = await (await request.get(`/api/actions/${action.id}`)).json();
    expect(unchanged.start).toBe(current.start);
  });
});

test.describe('printing', () => {
  test('fits the whole chronogram to the width of an A3 landscape page', async ({ page }, testInfo) => {
    await openChart(page);
    await page.getByRole('group', { name: 'Échelle de temps' }).getByRole('button', { name: 'Mois' }).click();
    const screenWidth = await page.locator('.gantt-container').evaluate((el) => el.scrollWidth);
    expect(screenWidth).toBeGreaterThan(1511); // month view: far wider than the page
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('jl-gantt').evaluate((el) => el.getBoundingClientRect().width);
    expect(printed).toBeLessThanOrEqual(1511 + 1);
    await expect(page.getByRole('navigation')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Modifier le planning' })).toBeHidden();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await testInfo.attach('chronogramme-A3.pdf', { body: pdf, contentType: 'application/pdf' });
    // every page A3 landscape: 420 × 297 mm = 1190.6 × 841.9 pt (Chromium rounds to 1191.12 × 841.92)
    const boxes = pdf.toString('latin1').match(/\/MediaBox \[[^\]]*\]/g) ?? [];
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) {
      const [, , w, h] = box.slice(11, -1).trim().split(/\s+/).map(Number);
      expect(Math.abs(w - 1190.6)).toBeLessThan(1);
      expect(Math.abs(h - 841.9)).toBeLessThan(1);
    }
  });
});

test.describe('folded functions and the keyboard in the list (ADR 0028)', () => {
  test('a function folded stays folded at the next visit; ↓ and ↑ move from row to row', async ({ page }) => {
    await openChart(page);
    const list = page.getByRole('list', { name: 'Fonctions, actions et jalons' });
    const first = list.locator('button.jl-gantt__group').first();
    const name = (await first.locator('.jl-gantt__name').textContent())?.trim() ?? '';
    await first.click();
    await expect(first).toHaveAttribute('aria-expanded', 'false');
    await page.reload();
    const again = page.locator('button.jl-gantt__group', { hasText: name });
    await expect(again).toHaveAttribute('aria-expanded', 'false');
    // from the keyboard: the folded function's row, then the next function's
    await again.focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator(':focus')).toHaveClass(/jl-gantt__group/);
    await expect(page.locator(':focus')).not.toContainText(name);
    await page.keyboard.press('ArrowUp');
    await expect(page.locator(':focus')).toContainText(name);
    await page.keyboard.press('Enter');
    await expect(again).toHaveAttribute('aria-expanded', 'true');
    await page.reload();
    await expect(page.locator('button.jl-gantt__group', { hasText: name })).toHaveAttribute('aria-expanded', 'true');
  });
});

test.describe('an action page', () => {
  test('updates the status, and the function roll-up follows', async ({ page, request }, testInfo) => {
    const id = await roadmapId(request);
    const [action]: ActionView[] = await (await request.get(`/api/roadmaps/${id}/actions?status=en_cours`)).json();
    const fnBefore = await (await request.get(`/api/roadmaps/${id}/functions/${action.functionId}`)).json();
    await page.goto(`/actions/${action.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(action.title);
    await expectNoSeriousA11yViolations(page, testInfo);
    const form = page.getByTestId('status-form');
    await form.getByLabel('Statut').selectOption({ label: 'Terminée' });
    await form.getByLabel('Avancement (%)').fill('100');
    await form.getByLabel('Commentaire (facultatif)').fill('Livré au comité de pilotage');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/actions/${action.id}/status`) && r.request().method() === 'PUT');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    expect((await saved).status()).toBe(200);
    await expect(page.getByRole('table').filter({ hasText: 'Livré au comité de pilotage' })).toBeVisible();
    const fnAfter = await (await request.get(`/api/roadmaps/${id}/functions/${action.functionId}`)).json();
    expect(fnAfter.rollUp.done).toBe(fnBefore.rollUp.done + 1);
    expect(fnAfter.rollUp.progress).toBeGreaterThan(fnBefore.rollUp.progress);
  });

  test('re-plans an action with the keyboard alone: new dates kept after a reload, version + 1', async ({ page, request }) => {
    const action = await plannedAction(request);
    await page.goto(`/actions/${action.id}`);
    const form = page.getByRole('region', { name: 'Replanifier' });
    const start = addDays(action.start, 21);
    const due = addDays(action.due, 21);
    await form.getByLabel('Début').fill(start);
    await form.getByLabel('Échéance').fill(due);
    await form.getByLabel('Échéance').press('Enter');
    await expect(form.getByRole('status')).toContainText('Nouvelles dates enregistrées');
    await page.reload();
    const after: ActionView = await (await request.get(`/api/actions/${action.id}`)).json();
    expect(after).toMatchObject({ start, due, version: action.version + 1 });
    // due before start is refused on the page, before anything is sent
    let sent = false;
    page.on('request', (r) => (sent ||= r.method() === 'PATCH'));
    await form.getByLabel('Échéance').fill(addDays(start, -1));
    await form.getByLabel('Échéance').press('Enter');
    await expect(form.getByText("L'échéance doit être le même jour ou après le début.")).toBeVisible();
    expect(sent).toBe(false);
  });

  test('refuses "terminée" below 100 % before sending anything', async ({ page, request }) => {
    const id = await roadmapId(request);
    const [action]: ActionView[] = await (await request.get(`/api/roadmaps/${id}/actions?status=en_cours`)).json();
    await page.goto(`/actions/${action.id}`);
    let sent = false;
    page.on('request', (r) => {
      if (r.method() === 'PUT') sent = true;
    });
    const form = page.getByTestId('status-form');
    await form.getByLabel('Statut').selectOption({ label: 'Terminée' });
    await form.getByLabel('Avancement (%)').fill('60');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Une action terminée est à 100 %.').first()).toBeVisible();
    expect(sent).toBe(false);
  });
});

test.describe('export', () => {
  test('downloads the roadmap as XLSX from the chronogram page', async ({ page, request }) => {
    await openChart(page);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Exporter XLSX' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^jalons-brest-2026-2032-\d{4}-\d{2}-\d{2}\.xlsx$/);
    // read it back as a spreadsheet program would
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await file.path());
    expect(book.worksheets.map((w) => w.name)).toEqual(['Synthèse', 'Actions', 'Jalons']);
    const chrono = await readChronogram(request, await roadmapId(request));
    expect(book.getWorksheet('Actions')!.rowCount).toBe(chrono.actions.length + 1);
    expect(book.getWorksheet('Jalons')!.rowCount).toBe(chrono.milestones.length + 1);
  });
});

test.describe('accessibility', () => {
  test('the function and milestone pages have no serious or critical axe violation', async ({ page, request }, testInfo) => {
    const id = await roadmapId(request);
    const chrono = await readChronogram(request, id);
    const ethique = chrono.functions.find((f) => f.code === 'ethique')!;
    await page.goto(`/fonctions/${ethique.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Éthique');
    await expect(page.locator('.bar-wrapper').first()).toBeAttached();
    await expectNoSeriousA11yViolations(page, testInfo);
    await page.goto(`/jalons/${chrono.milestones[0].id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(chrono.milestones[0].title);
    await expectNoSeriousA11yViolations(page, testInfo);
  });
});
