import type { ActorPositionView, DiagnosticView } from '@jalons/contract';
import type { Locator, Page } from '@playwright/test';

import { expectNoSeriousA11yViolations } from './a11y';
import { brest } from './roadmap';
import { expect, test } from './session';

/*
 * « Maturité × ambition » (/r/<slug>/diagnostic) on the seeded Brest register, read only: the test changes
 * nothing, and compares what the page draws with what the API answers for the same day.
 */

const assessed = (view: DiagnosticView) => view.actors.filter((a) => a.current !== null);
const where = (a: ActorPositionView) => `${a.current?.maturity}/${a.current?.ambition}`;

/** the points drawn, as « id → maturity/ambition » */
async function drawn(page: Page): Promise<Record<string, string>> {
  const points = page.getByTestId('map-point');
  return Object.fromEntries(
    await points.evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-actor'), `${el.dataset['maturity']}/${el.dataset['ambition']}`]),
    ),
  );
}

async function tableRows(table: Locator): Promise<Array<{ id: string; name: string; at: string }>> {
  return table.locator('tbody tr[data-actor]').evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-actor') ?? '',
      name: (r.querySelector('th')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      at: `${(r as HTMLElement).dataset['maturity']}/${(r as HTMLElement).dataset['ambition']}`,
    })),
  );
}

test.describe('the maturity × ambition map', () => {
  test('draws one point per assessed actor as the API places it, arrows for those that moved, the same rows in the table; another day moves them', async ({
    page,
    request,
  }, testInfo) => {
    const roadmap = await brest(request);
    const api = async (on?: string) => {
      const res = await request.get(`/api/roadmaps/${roadmap.id}/diagnostic${on ? `?on=${on}` : ''}`);
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as DiagnosticView;
    };
    const today = await api();
    const before = await api('2026-01-01');
    expect(assessed(today).length, 'Brest’s register has assessed actors').toBeGreaterThan(0);

    await page.goto(`/r/${roadmap.slug}/diagnostic`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maturité × ambition');
    const points = page.getByTestId('map-point');
    await expect(points).toHaveCount(assessed(today).length);
    expect(await drawn(page)).toEqual(Object.fromEntries(assessed(today).map((a) => [a.id, where(a)])));
    // an arrow for each actor that moved, none for the others
    const arrows = page.getByTestId('map-arrows').locator('[data-actor]');
    const moved = assessed(today).filter((a) => a.moved);
    expect(moved.length, 'Brest’s register has actors that moved (the October 2026 campaign)').toBeGreaterThan(0);
    await expect(arrows).toHaveCount(moved.length);
    expect((await arrows.evaluateAll((els) => els.map((el) => el.getAttribute('data-actor')))).sort()).toEqual(
      moved.map((a) => a.id).sort(),
    );

    // each point is named for a screen reader, takes the focus and shows its name
    const actor = moved[0];
    const point = page.locator(`[data-testid="map-point"][data-actor="${actor.id}"]`);
    await expect(point).toHaveAttribute('role', 'img');
    const name = await point.getAttribute('aria-label');
    expect(name).toContain(`${actor.name} (`);
    expect(name).toContain(`— maturité ${actor.current?.maturity}, ambition ${actor.current?.ambition}, `);
    expect(name).toContain(`; était ${actor.first?.maturity}/${actor.first?.ambition} le `);
    await point.focus();
    await expect(page.getByTestId('map-tooltip')).toHaveText(name ?? '');
    await page.locator('jl-maturity-map').screenshot({ path: testInfo.outputPath('map-1280.png') });

    // the table holds the same actors, names and positions
    const table = page.getByTestId('diagnostic-table');
    const rows = await tableRows(table);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.at]))).toEqual(await drawn(page));
    expect(rows.map((r) => r.name)).toEqual(assessed(today).map((a) => a.name));

    await expectNoSeriousA11yViolations(page, testInfo);
    await page.setViewportSize({ width: 390, height: 844 });
    const main = page.locator('main');
    expect(await main.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath('diagnostic-390.png'), fullPage: true });
    await page.locator('jl-maturity-map').screenshot({ path: testInfo.outputPath('map-390.png') });
    await page.screenshot({ path: testInfo.outputPath('top-390.png') });
    await page.setViewportSize({ width: 1280, height: 900 });

    // another day through the date control: the address says it, the points move as the API places them
    const changed = assessed(today).find((a) => {
      const then = before.actors.find((b) => b.id === a.id);
      return then?.current && where(then) !== where(a);
    });
    expect(changed, 'an actor whose position on 2026-01-01 differs from today’s').toBeDefined();
    await page.getByLabel('Positions au').fill('2026-01-01');
    await page.getByTestId('show-day').click();
    await expect(page).toHaveURL(new RegExp(`/r/${roadmap.slug}/diagnostic\\?le=2026-01-01$`));
    await expect(page.locator('#titre-carte')).toHaveText('Carte au 01/01/2026');
    await expect(points).toHaveCount(assessed(before).length);
    expect(await drawn(page)).toEqual(Object.fromEntries(assessed(before).map((a) => [a.id, where(a)])));
    const then = before.actors.find((b) => b.id === changed?.id);
    const changedPoint = page.locator(`[data-testid="map-point"][data-actor="${changed?.id}"]`);
    await expect(changedPoint).toHaveAttribute('data-maturity', String(then?.current?.maturity));
    await expect(changedPoint).toHaveAttribute('data-ambition', String(then?.current?.ambition));
    expect(`${then?.current?.maturity}/${then?.current?.ambition}`).not.toBe(where(changed as ActorPositionView));

    // the shared address opens on the same day
    await page.goto(`/r/${roadmap.slug}/diagnostic?le=2026-01-01`);
    await expect(points).toHaveCount(assessed(before).length);
    await expect(changedPoint).toHaveAttribute('data-maturity', String(then?.current?.maturity));

    // on paper: the map and the table, no controls
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('maturity-map')).toBeVisible();
    await expect(table).toBeVisible();
    await expect(page.getByRole('button', { name: 'Imprimer' })).toBeHidden();
    await expect(page.getByLabel('Positions au')).toBeHidden();
    await page.screenshot({ path: testInfo.outputPath('print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // a filter hides points and rows alike
    await page.getByLabel('Direction', { exact: true }).uncheck();
    const others = assessed(before).filter((a) => a.kind !== 'direction');
    await expect(points).toHaveCount(others.length);
    await expect(table.locator('tbody tr[data-actor]')).toHaveCount(others.length);
  });
});
