import type { ActionView } from '@jalons/contract';
import ExcelJS from 'exceljs';

import { expectNoSeriousA11yViolations } from './a11y';
import { brest, brestChronogram } from './roadmap';
import { expect, test } from './session';

const fr = (day: string) => day.split('-').reverse().join('/');

test.describe('the spreadsheet round trip', () => {
  test('the lead exports XLSX, edits it (three rows changed, one added, one impossible date), sees exactly that, fixes the bad row and applies', async ({
    page,
    request,
  }, testInfo) => {
    // our own actions, so that nothing another test changes matters here
    const { roadmap, functions } = await brestChronogram(request);
    const [fn] = functions.filter((f) => !f.central);
    const tag = `import-${Date.now().toString(36)}`;
    const mine: ActionView[] = [];
    for (let i = 1; i <= 4; i++) {
      const res = await request.post(`/api/roadmaps/${roadmap.id}/actions`, {
        data: { functionId: fn.id, title: `${tag} action ${i}`, start: '2027-02-01', due: '2027-05-31', status: 'en_cours', progress: 10 },
      });
      expect(res.status(), await res.text()).toBe(201);
      mine.push(await res.json());
    }

    const exported = await request.get(`/api/roadmaps/${roadmap.id}/export?format=xlsx`);
    expect(exported.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Actions')!;
    const col = (header: string) => (sheet.getRow(1).values as unknown[]).indexOf(header);
    const rowOf = (id: string) => {
      for (let n = 2; n <= sheet.rowCount; n++) if (sheet.getRow(n).getCell(col('id')).value === id) return sheet.getRow(n);
      throw new Error(`no row for ${id}`);
    };
    rowOf(mine[0].id).getCell(col('Action')).value = `${tag} action 1 (renommée)`;
    rowOf(mine[1].id).getCell(col('Avancement %')).value = '45 %';
    rowOf(mine[2].id).getCell(col('Échéance')).value = '30/06/2027';
    rowOf(mine[3].id).getCell(col('Début')).value = '31/02/2027';
    const added = sheet.getRow(sheet.rowCount + 1);
    added.getCell(col('Fonction')).value = fn.name;
    added.getCell(col('Action')).value = `${tag} ajoutée`;
    added.getCell(col('Début')).value = '01/03/2027';
    added.getCell(col('Échéance')).value = '30/04/2027';
    added.getCell(col('Statut')).value = 'À lancer';
    added.getCell(col('Avancement %')).value = 0;
    added.commit();
    const file = async () => ({
      name: `${tag}.xlsx`,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(await book.xlsx.writeBuffer()),
    });

    // from the chronogram's export buttons to the import page
    await page.goto(`/r/${roadmap.slug}/chronogramme`);
    await page.getByRole('link', { name: 'Importer un tableur' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Importer un tableur' })).toBeVisible();
    await page.getByLabel('Fichier exporté, modifié').setInputFiles(await file());
    await page.getByRole('button', { name: 'Analyser' }).click();

    await expect(page.getByRole('heading', { level: 2 })).toHaveText(`Plan de l’import : ${tag}.xlsx`);
    const counts = page.locator('.plan-counts li');
    await expect(counts.nth(0)).toHaveText('3 modification(s)');
    await expect(counts.nth(1)).toHaveText('1 création(s)');
    await expect(counts.nth(2)).toHaveText('1 ligne(s) refusée(s)');
    await expect(counts.nth(3)).toHaveText('0 conflit(s)');
    const updates = page.locator('#updates-heading + ul > li');
    await expect(updates).toHaveCount(3);
    await expect(updates.nth(0)).toContainText(`Action : ${tag} action 1 → devient ${tag} action 1 (renommée)`);
    await expect(updates.nth(1)).toContainText('Avancement % : 10 % → devient 45 %');
    await expect(updates.nth(2)).toContainText(`Échéance : ${fr(mine[2].due)} → devient 30/06/2027`);
    await expect(page.locator('#creations-heading + ul > li')).toContainText(`${tag} ajoutée`);
    await expect(page.locator('#refused-heading + ul > li')).toContainText(
      `${tag} action 4 Début : « 31/02/2027 » n’est pas un jour du calendrier.`,
    );
    const apply = page.getByRole('button', { name: 'Appliquer l’import' });
    await expect(apply).toBeDisabled();
    await expectNoSeriousA11yViolations(page, testInfo);
    // nothing was written by the analysis
    expect((await (await request.get(`/api/actions/${mine[1].id}`)).json()).progress).toBe(10);

    // the bad row fixed, analysed again: now it can be applied, and it lands
    rowOf(mine[3].id).getCell(col('Début')).value = fr(mine[3].start);
    await page.getByLabel('Fichier exporté, modifié').setInputFiles(await file());
    await page.getByRole('button', { name: 'Analyser' }).click();
    await expect(page.locator('.plan-counts li').nth(2)).toHaveText('0 ligne(s) refusée(s)');
    await expect(apply).toBeEnabled();
    await apply.click();
    await expect(page.getByRole('status').filter({ hasText: 'Import appliqué' })).toContainText(
      `Import appliqué : 3 modification(s), 1 création(s), chacune dans l’historique avec le commentaire « import ${tag}.xlsx ».`,
    );
    await expect(page.getByRole('heading', { level: 2 })).toBeFocused();

    const now = async (id: string) => (await request.get(`/api/actions/${id}`)).json();
    expect(await now(mine[0].id)).toMatchObject({ title: `${tag} action 1 (renommée)`, version: mine[0].version + 1 });
    expect(await now(mine[1].id)).toMatchObject({ progress: 45, version: mine[1].version + 1 });
    expect(await now(mine[2].id)).toMatchObject({ due: '2027-06-30', version: mine[2].version + 1 });
    expect(await now(mine[3].id)).toMatchObject({ start: mine[3].start, version: mine[3].version });
    const actions: ActionView[] = await (await request.get(`/api/roadmaps/${roadmap.id}/actions?functionId=${fn.id}`)).json();
    expect(actions.filter((a) => a.title === `${tag} ajoutée`)).toHaveLength(1);
    const history = await (await request.get(`/api/actions/${mine[1].id}/history`)).json();
    expect(history.at(-1)).toMatchObject({ field: 'progress', to: '45', comment: `import ${tag}.xlsx` });
  });

  test('at 390 px the plan reads without sideways scrolling', async ({ page, request }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    const roadmap = await brest(request);
    await page.goto(`/r/${roadmap.slug}/import`);
    await page
      .getByLabel('Fichier exporté, modifié')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await page.getByRole('button', { name: 'Analyser' }).click();
    await expect(page.getByRole('alert')).toContainText('n’a pas de colonne id ni version');
    const overflowing = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main *'))
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    );
    expect(overflowing).toEqual([]);
    // the page's own content; the shell's header is checked by the tests that own it
    const main = page.locator('main');
    expect(await main.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  });
});
