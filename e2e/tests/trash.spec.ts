import { expectNoSeriousA11yViolations } from './a11y';
import { addDays, brestChronogram, dayOf, ordinaryFunction } from './roadmap';
import { expect, test } from './session';

test.describe('the Corbeille', () => {
  test('the lead deletes an action from its page after confirming, finds it in the Corbeille, restores it with its history and its predecessor', async ({
    page,
    request,
  }, testInfo) => {
    const c = await brestChronogram(request);
    const fn = ordinaryFunction(c);
    const day = dayOf(c, 0, 90);
    const stamp = Date.now().toString(36);
    const create = async (data: Record<string, unknown>) => {
      const res = await request.post(`/api/roadmaps/${c.roadmap.id}/actions`, { data: { functionId: fn.id, ...data } });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as { id: string; title: string };
    };
    const before = await create({ title: `Recenser les jeux de données ${stamp}`, start: day, due: addDays(day, 20) });
    const action = await create({
      title: `Publier le catalogue ${stamp}`,
      start: addDays(day, 21),
      due: addDays(day, 60),
      predecessorIds: [before.id],
    });

    await page.goto(`/r/${c.roadmap.slug}/actions/${action.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(action.title);
    const remove = page.getByTestId('delete-item');
    // the confirmation names the item and the 90 days, takes the focus, and Escape leaves it without deleting
    await remove.click();
    const dialog = page.getByRole('dialog', { name: `Supprimer l’action « ${action.title} » ?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Elle restera 90 jours dans la corbeille');
    await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
    await expectNoSeriousA11yViolations(page, testInfo);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.screenshot({ path: testInfo.outputPath('delete-dialog-390.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(remove).toBeFocused();
    expect((await request.get(`/api/actions/${action.id}`)).status()).toBe(200);

    await remove.click();
    await dialog.getByRole('button', { name: 'Supprimer', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/r/${c.roadmap.slug}/corbeille\\?supprime=${action.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Corbeille');
    await expect(page.getByTestId('trash-status')).toHaveText(
      `L’action « ${action.title} » est dans la corbeille : vous pouvez la restaurer ici pendant 90 jours.`,
    );
    expect((await request.get(`/api/actions/${action.id}`)).status()).toBe(404);
    const row = page.locator(`tr[data-entry="${action.id}"]`);
    await expect(row).toContainText(fn.name);
    await expect(row).toContainText('Camille Le Goff');
    await expectNoSeriousA11yViolations(page, testInfo);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.screenshot({ path: testInfo.outputPath('corbeille-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    await row.getByRole('button', { name: `Restaurer ${action.title}` }).click();
    await expect(page.getByTestId('trash-status')).toHaveText(`« ${action.title} » est restauré·e.`);
    await row.getByRole('link', { name: action.title }).click();

    await expect(page).toHaveURL(new RegExp(`/r/${c.roadmap.slug}/actions/${action.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(action.title);
    const facts = page.getByTestId('facts');
    await expect(facts.getByRole('link', { name: before.title })).toBeVisible();
    const history = page.getByRole('region', { name: 'Historique des modifications' });
    await expect(history.locator('tbody th')).toHaveText(['Restauration', 'Suppression', 'Création']);
  });
});

test.describe('the Corbeille for an elected official', () => {
  test.use({ role: 'elected' });

  test('offers no way to it and no « Supprimer »', async ({ page, request }) => {
    const c = await brestChronogram(request);
    const [milestone] = await (await request.get(`/api/roadmaps/${c.roadmap.id}/milestones`)).json();
    await page.goto(`/r/${c.roadmap.slug}/chronogramme`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chronogramme');
    await expect(page.getByRole('link', { name: 'Exporter CSV' })).toBeVisible();
    await expect(page.getByTestId('trash-link')).toHaveCount(0);
    await page.goto(`/r/${c.roadmap.slug}/jalons/${milestone.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(milestone.title);
    await expect(page.getByTestId('delete-item')).toHaveCount(0);
  });
});
