import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** How long the overview may take to draw all its deferred sections once scrolled through. */
const REVEAL_WITHIN_MS = 60_000;

/**
 * Scrolls the overview (/r/<slug>) down to its end as a reader would, then back to the top: the
 * sections below the first screen are drawn only when scrolled to (`@defer (on viewport)`,
 * docs/adr/0036-overview-deferred-sections.md), each over an empty `[data-deferred]` box until then.
 * Call it before looking at those sections, and before an axe check, so that every section is there.
 *
 * Every wait is bounded: the box is scrolled to by the page itself (no actionability wait, which hung
 * once on a box being replaced), and a box that did not come into view long enough for the page to
 * notice — a section above it was drawn at that moment and pushed it down — is scrolled to again.
 */
export async function revealOverview(page: Page): Promise<void> {
  await expect(page.locator('.page-head h1')).toBeVisible();
  const pending = page.locator('[data-deferred]');
  const deadline = Date.now() + REVEAL_WITHIN_MS;
  for (let left = await pending.count(); left > 0; left = await pending.count()) {
    if (Date.now() > deadline) {
      throw new Error(`${left} overview section(s) still not drawn ${REVEAL_WITHIN_MS / 1000} s after being scrolled to`);
    }
    await page.evaluate(() => document.querySelector('[data-deferred]')?.scrollIntoView({ block: 'center' }));
    await expect
      .poll(() => pending.count(), { timeout: 3_000 })
      .toBeLessThan(left)
      .catch(() => undefined); // not yet: scrolled to again above, until the deadline
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
