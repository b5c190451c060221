import type { Page } from '@playwright/test';
import type { ActionView, MilestoneView, RoadmapDetailView } from '@jalons/contract';

import { expectNoSeriousA11yViolations } from './a11y';
import { revealOverview } from './overview';
import { brestChronogram, dayOf, ordinaryFunction } from './roadmap';
import { expect, test } from './session';

/** Nothing scrolls sideways on a phone. */
async function fitsAPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test.describe('where the kit’s items come from, and why each phase', () => {
  test('the review table shows and filters the provenance; an item page names its territory; the overview says why each phase', async ({
    page,
    request,
  }, testInfo) => {
    const c = await brestChronogram(request);
    const fn = ordinaryFunction(c);
    const res = await request.post(`/api/roadmaps/${c.roadmap.id}/actions`, {
      data: { functionId: fn.id, title: `Ajout local ${Date.now().toString(36)}`, start: dayOf(c, 1, 90), due: dayOf(c, 30, 90) },
    });
    expect(res.status(), await res.text()).toBe(201);
    const local: ActionView = await res.json();
    expect(local.provenance).toBeNull();

    // the kit's practices, as the API lists them (whatever other specs did to the seeded items)
    const practices: ActionView[] = await (await request.get(`/api/roadmaps/${c.roadmap.id}/actions?provenance=pratique`)).json();
    const practiceMilestones: MilestoneView[] = await (
      await request.get(`/api/roadmaps/${c.roadmap.id}/milestones?provenance=pratique`)
    ).json();
    expect(practices.length).toBeGreaterThan(5);

    await page.goto(`/r/${c.roadmap.slug}/chronogramme?vue=tableau&provenance=pratique`);
    const rows = page.locator('tr[data-item]');
    await expect(rows).toHaveCount(practices.length + practiceMilestones.length);
    await expect(page.locator('#filter-provenance')).toHaveValue('pratique');
    await expect(rows.locator('[data-provenance]')).toHaveText(
      Array(practices.length + practiceMilestones.length).fill('Pratique d’un territoire'),
    );
    await expectNoSeriousA11yViolations(page, testInfo);

    await page.locator('#filter-provenance').selectOption('locale');
    await expect(page).toHaveURL(/provenance=locale/);
    await expect(page.locator(`tr[data-item="${local.id}"]`)).toBeVisible();
    await expect(page.locator('tr[data-item] [data-provenance]')).toHaveCount(0);

    const practice = practices[0];
    await page.goto(`/r/${c.roadmap.slug}/actions/${practice.id}`);
    const facts = page.getByTestId('facts');
    await expect(facts.locator('[data-provenance="pratique"]')).toHaveText('Pratique d’un territoire');
    await expect(facts.getByTestId('provenance-reference')).toHaveText(practice.provenance?.reference ?? 'no reference');
    await expectNoSeriousA11yViolations(page, testInfo);

    const detail: RoadmapDetailView = await (await request.get(`/api/roadmaps/${c.roadmap.id}`)).json();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/r/${c.roadmap.slug}`);
    await revealOverview(page);
    const purposes = page.getByTestId('phases').getByTestId('phase-purpose');
    await expect(purposes).toHaveText(detail.phases.map((p) => p.purpose ?? ''));
    await fitsAPhone(page);
    await expectNoSeriousA11yViolations(page, testInfo);

    await page.goto(`/r/${c.roadmap.slug}/fonctions/${fn.id}`);
    await expect(page.getByTestId('phases').getByTestId('phase-purpose')).toHaveCount(4);
    await fitsAPhone(page);
  });
});
