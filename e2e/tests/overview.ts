import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * Scrolls the overview (/r/<slug>) down to its end as a reader would, then back to the top: the
 * sections below the first screen are drawn only when scrolled to (`@defer (on viewport)`,
 * docs/adr/0036-overview-deferred-sections.md), each over an empty `[data-deferred]` box until then.
 * Call it before looking at those sections, and before an axe check, so that every section is there.
 */
export async function revealOverview(page: Page): Promise<void> {
  await expect(page.locator('.page-head h1')).toBeVisible();
  const pending = page.locator('[data-deferred]');
  for (let left = await pending.count(); left > 0; left = await pending.count()) {
    // the box may be replaced while it is scrolled to (its section's code arrived, ADR 0038): the count tells
    await pending
      .first()
      .scrollIntoViewIfNeeded()
      .catch(() => undefined);
    await expect.poll(() => pending.count(), { message: 'a section drawn once scrolled to' }).toBeLessThan(left);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
