import { expectNoSeriousA11yViolations } from './a11y';
import { brestChronogram, dayOf, ordinaryFunction } from './roadmap';
import { expect, test } from './session';

test.describe('creating and editing items', () => {
  test('the lead creates an action after another from the chronogram’s « + », sees its bar and arrow, renames it', async ({
    page,
    request,
  }, testInfo) => {
    const c = await brestChronogram(request);
    const fn = ordinaryFunction(c);
    const stamp = Date.now().toString(36);
    // its predecessor, made for this test
    const before = await request.post(`/api/roadmaps/${c.roadmap.id}/actions`, {
      data: { functionId: fn.id, title: `Préparer l’atelier ${stamp}`, start: dayOf(c, 0), due: dayOf(c, 10) },
    });
    expect(before.status(), await before.text()).toBe(201);
    const predecessor = await before.json();

    await page.goto(`/r/${c.roadmap.slug}/chronogramme`);
    await expect(page.locator('.bar-wrapper').first()).toBeAttached();
    await page.getByRole('button', { name: `Ajouter une action ou un jalon : ${fn.name}`, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/r/${c.roadmap.slug}/actions/nouvelle\\?fonction=${fn.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvelle action');
    await expect(page.getByLabel('Fonction', { exact: true })).toHaveValue(fn.id);

    const title = `Animer l’atelier ${stamp}`;
    await page.getByLabel('Titre', { exact: true }).fill(title);
    await page.getByLabel('Début', { exact: true }).fill(dayOf(c, 12));
    await page.getByLabel('Échéance', { exact: true }).fill(dayOf(c, 30));
    const picker = page.getByRole('combobox', { name: 'Ajouter une action précédente' });
    await picker.fill(`atelier ${stamp}`);
    await expect(page.getByRole('listbox', { name: 'Ajouter une action précédente' }).getByRole('option')).toHaveCount(1);
    await picker.press('Enter');
    await expect(page.getByTestId('chosen-predecessors')).toContainText(predecessor.title);
    await expectNoSeriousA11yViolations(page, testInfo);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.screenshot({ path: testInfo.outputPath('item-form-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: 'Créer l’action' }).click();
    await expect(page).toHaveURL(new RegExp(`/r/${c.roadmap.slug}/actions/[0-9a-f-]{36}$`));
    const id = page.url().split('/').pop() ?? '';
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByTestId('predecessors')).toContainText(predecessor.title);

    // drawn on the Gantt: its bar with its title, and the arrow from its predecessor
    await page.goto(`/r/${c.roadmap.slug}/chronogramme`);
    const bar = page.locator(`.bar-wrapper[data-id^="a-${id}"]`);
    await expect(bar.locator('.bar')).toBeAttached();
    // the bar's row of the list beside the chart names it (the bar itself shows its progress)
    const taskId = await bar.getAttribute('data-id');
    await expect(page.locator(`.jl-gantt__row[data-task="${taskId}"]`)).toContainText(title);
    await expect(page.locator(`.arrow path[data-from^="a-${predecessor.id}"][data-to^="a-${id}"]`)).toBeAttached();

    // renamed on its page
    await page.goto(`/r/${c.roadmap.slug}/actions/${id}`);
    await page.getByLabel('Titre', { exact: true }).fill(`${title} (renommée)`);
    await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} (renommée)`);
    const saved = await (await request.get(`/api/actions/${id}`)).json();
    expect(saved.title).toBe(`${title} (renommée)`);
  });

  test.describe('a function owner', () => {
    test.use({ role: 'owner' });

    test('sees « + » only on the rows of their functions, and the API refuses an item in another', async ({ page, request }) => {
      const me = await (await request.get('/api/auth/me')).json();
      const c = await brestChronogram(request);
      const own = c.functions.filter((f) => me.functionIds.includes(f.id));
      const other = c.functions.find((f) => !me.functionIds.includes(f.id));
      expect(own.length).toBeGreaterThan(0);
      if (!other) throw new Error('the demo owner owns every function');

      await page.goto(`/r/${c.roadmap.slug}/chronogramme`);
      await expect(page.locator('.bar-wrapper').first()).toBeAttached();
      await expect(page.getByRole('button', { name: `Ajouter une action ou un jalon : ${own[0].name}`, exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: `Ajouter une action ou un jalon : ${other.name}`, exact: true })).toHaveCount(0);

      const refused = await request.post(`/api/roadmaps/${c.roadmap.id}/actions`, {
        data: { functionId: other.id, title: 'Hors de mes fonctions', start: dayOf(c, 0), due: dayOf(c, 5) },
      });
      expect(refused.status()).toBe(403);
    });
  });

  test.describe('an elected official', () => {
    test.use({ role: 'elected' });

    test('is offered no way to create', async ({ page, request }) => {
      const c = await brestChronogram(request);
      await page.goto(`/r/${c.roadmap.slug}/chronogramme`);
      await expect(page.locator('.bar-wrapper').first()).toBeAttached();
      await expect(page.locator('button.jl-gantt__add')).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Nouvelle action' })).toHaveCount(0);
    });
  });
});
