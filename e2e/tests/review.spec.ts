import type { Page } from '@playwright/test';
import type { ActionView } from '@jalons/contract';

import { expectNoSeriousA11yViolations } from './a11y';
import { brestChronogram, dayOf, ordinaryFunction } from './roadmap';
import { expect, test } from './session';

/** Presses Tab until the control with this id has the keyboard (the keyboard alone, as a person would). */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    if (await page.evaluate((target) => document.activeElement?.id === target, id)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

async function saved(page: Page, id: string): Promise<void> {
  await expect(page.locator(`tr[data-item="${id}"] [role="status"]`)).toHaveText('Enregistré');
}

test.describe('the weekly review', () => {
  test('the lead updates five rows of the table with the keyboard alone; the values and the filters survive a reload', async ({
    page,
    request,
  }, testInfo) => {
    const c = await brestChronogram(request);
    const fn = ordinaryFunction(c);
    const stamp = Date.now().toString(36);
    const actions: ActionView[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await request.post(`/api/roadmaps/${c.roadmap.id}/actions`, {
        data: {
          functionId: fn.id,
          title: `Revue ${stamp} n°${i}`,
          start: dayOf(c, 1, 90),
          due: dayOf(c, 20 + i, 90),
          status: 'bloquee',
          progress: 10,
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      actions.push(await res.json());
    }
    const [a1, a2, a3, a4, a5] = actions;

    await page.goto(`/r/${c.roadmap.slug}/chronogramme?vue=tableau&fonction=${fn.id}&statut=bloquee`);
    await expect(page.locator(`tr[data-item="${a5.id}"]`)).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo);

    // 1: status and progress
    await tabTo(page, `review-${a1.id}-status`);
    await page.keyboard.press('e'); // « En cours »
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('40');
    await page.keyboard.press('Enter');
    await saved(page, a1.id);
    // 2: finished
    await tabTo(page, `review-${a2.id}-status`);
    await page.keyboard.press('t'); // « Terminée »
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('100');
    await page.keyboard.press('Enter');
    await saved(page, a2.id);
    // 3: a day later
    await tabTo(page, `review-${a3.id}-due`);
    // the year, the date field's last part whatever the browser's locale: a year later
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowUp');
    const due3 = await page.locator(`#review-${a3.id}-due`).inputValue();
    expect(due3).not.toBe(a3.due);
    await page.keyboard.press('Enter');
    await saved(page, a3.id);
    // 4: a comment only
    await tabTo(page, `review-${a4.id}-comment`);
    await page.keyboard.type(`Point hebdo ${stamp}`);
    await page.keyboard.press('Enter');
    await saved(page, a4.id);
    // 5: everything, and Escape first puts a wrong start back
    await tabTo(page, `review-${a5.id}-comment`);
    await page.keyboard.type('brouillon');
    await page.keyboard.press('Escape');
    await expect(page.locator(`#review-${a5.id}-comment`)).toHaveValue('');
    await tabTo(page, `review-${a5.id}-due`);
    // the year, the date field's last part whatever the browser's locale: a year later
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowUp');
    const due5 = await page.locator(`#review-${a5.id}-due`).inputValue();
    await tabTo(page, `review-${a5.id}-status`);
    await page.keyboard.press('e');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Relancé');
    await page.keyboard.press('Enter');
    await saved(page, a5.id);

    await page.reload();
    // the filters are still in the URL and on screen: the rows no longer « bloquée » are out
    await expect(page).toHaveURL(/statut=bloquee/);
    await expect(page.getByRole('checkbox', { name: 'Bloquée' })).toBeChecked();
    await expect(page.locator(`tr[data-item="${a1.id}"]`)).toHaveCount(0);
    await expect(page.locator(`tr[data-item="${a4.id}"]`)).toBeVisible();

    const now = async (a: ActionView): Promise<ActionView> => (await request.get(`/api/actions/${a.id}`)).json();
    expect(await now(a1)).toMatchObject({ status: 'en_cours', progress: 40 });
    expect(await now(a2)).toMatchObject({ status: 'terminee', progress: 100 });
    expect(await now(a3)).toMatchObject({ status: 'bloquee', due: due3 });
    expect(await now(a5)).toMatchObject({ status: 'en_cours', progress: 30, due: due5 });
    const history = await (await request.get(`/api/actions/${a4.id}/history`)).json();
    expect(history.map((h: { comment: string | null }) => h.comment)).toContain(`Point hebdo ${stamp}`);

    // the same rows, unfiltered, show the new values
    await page.goto(`/r/${c.roadmap.slug}/chronogramme?vue=tableau&fonction=${fn.id}`);
    await expect(page.locator(`#review-${a1.id}-progress`)).toHaveValue('40');
    await expect(page.locator(`#review-${a5.id}-due`)).toHaveValue(due5);
    await page.setViewportSize({ width: 390, height: 800 });
    // the page's own content keeps to the width (the table scrolls inside its region); the shared header is the shell's
    expect(
      await page.evaluate(() =>
        Math.max(...Array.from(document.querySelectorAll('main *:not(.table-scroll *)'), (e) => e.getBoundingClientRect().right)),
      ),
    ).toBeLessThanOrEqual(390);
    await page.screenshot({ path: testInfo.outputPath('review-390.png'), fullPage: true });
  });
});

test.describe('« Mes échéances »', () => {
  test.use({ role: 'owner' });

  test('a function owner sees their open items by due date and updates one', async ({ page, request }, testInfo) => {
    const me = await (await request.get('/api/auth/me')).json();
    const c = await brestChronogram(request);
    const stamp = Date.now().toString(36);
    const res = await request.post(`/api/roadmaps/${c.roadmap.id}/actions`, {
      data: { functionId: me.functionIds[0], title: `À rendre ${stamp}`, start: dayOf(c, 0, 90), due: dayOf(c, 3, 90), ownerId: me.id },
    });
    expect(res.status(), await res.text()).toBe(201);
    const action: ActionView = await res.json();

    await page.goto('/mes-echeances');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes échéances');
    const row = page.locator(`tr[data-item="${action.id}"]`);
    await expect(row).toBeVisible();
    await expect(page.getByRole('link', { name: 'Mes échéances' })).toHaveAttribute('aria-current', 'page');
    await expectNoSeriousA11yViolations(page, testInfo);

    await tabTo(page, `review-${action.id}-status`);
    await page.keyboard.press('e'); // « En cours »
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('25');
    await page.keyboard.press('Enter');
    await saved(page, action.id);
    expect(await (await request.get(`/api/actions/${action.id}`)).json()).toMatchObject({ progress: 25, status: 'en_cours' });

    await page.setViewportSize({ width: 390, height: 800 });
    // the page's own content keeps to the width (the table scrolls inside its region); the shared header is the shell's
    expect(
      await page.evaluate(() =>
        Math.max(...Array.from(document.querySelectorAll('main *:not(.table-scroll *)'), (e) => e.getBoundingClientRect().right)),
      ),
    ).toBeLessThanOrEqual(390);
    await page.screenshot({ path: testInfo.outputPath('my-items-390.png'), fullPage: true });
  });
});
