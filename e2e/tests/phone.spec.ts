import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import type { ActorView, MilestoneView } from '@jalons/contract';

import { expectNoSeriousA11yViolations } from './a11y';
import { BREST, brest, brestChronogram, readChronogram } from './roadmap';
import { expect, test } from './session';

/**
 * Phones and tablets (issue 12, Build 7). At 390 × 844 no page of the app scrolls sideways
 * (`document.documentElement.scrollWidth ≤ 390`) and the header takes at most 120 px; the roadmap's
 * navigation folds behind a « Menu » button. On a phone the chronogram is a vertical timeline; on a
 * 768-px tablet the Gantt gives its chart at least 60 % of the width.
 */
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };

/** What sticks out of a 390-px screen, for the failure's message. */
async function measure(page: Page): Promise<{ width: number; header: number; outside: string[] }> {
  return page.evaluate((screen) => {
    // a box past the screen's edge, or text spilling out of its box (a long word), outside a scrolling region
    const sticksOut = (el: Element) =>
      el.getBoundingClientRect().right > screen + 0.5 ||
      (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && getComputedStyle(el).overflowX === 'visible');
    const outside = Array.from(document.querySelectorAll('body *'))
      .filter((el) => sticksOut(el) && !el.parentElement?.closest('.table-scroll') && !el.closest('.visually-hidden'))
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join('.')} ${Math.round(el.getBoundingClientRect().right)}`,
      )
      .slice(0, 8);
    const header = document.querySelector('.shell-header')?.getBoundingClientRect().height ?? 0;
    return { width: document.documentElement.scrollWidth, header, outside };
  }, PHONE.width);
}

/** Opens `path` and waits until the page has drawn its data (its title, nothing loading). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('main h1').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main [role="status"]').filter({ hasText: /^\s*Chargement/ })).toHaveCount(0);
}

/** Each page: nothing wider than the phone, the header at most 120 px (checked softly: every page is reported). */
async function sweep(page: Page, testInfo: TestInfo, paths: string[]): Promise<void> {
  await page.setViewportSize(PHONE);
  const report: Record<string, unknown> = {};
  for (const path of paths) {
    await open(page, path);
    const m = await measure(page);
    report[path] = m;
    expect.soft(m.width, `${path} is ${m.width} px wide: ${m.outside.join(', ')}`).toBeLessThanOrEqual(PHONE.width);
    expect.soft(m.header, `${path}: the header is ${m.header} px high`).toBeLessThanOrEqual(120);
  }
  await testInfo.attach('390px', { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
}

interface Ids {
  slug: string;
  functionId: string;
  actionId: string;
  milestoneId: string;
  actorId: string | null;
  /** a seeded meeting (governance) and a baseline of the roadmap, when there are */
  meetingId: string | null;
  baselineId: string | null;
}

/** A function, an action, a milestone and an actor of the seeded roadmap (read only: nothing is changed). */
async function seededIds(request: APIRequestContext): Promise<Ids> {
  const c = await brestChronogram(request);
  const r = await brest(request);
  // the longest title and the longest-named function: what a phone must wrap
  const action = [...c.actions].sort((a, b) => b.title.length - a.title.length)[0];
  const milestones = (await (await request.get(`/api/roadmaps/${r.id}/milestones`)).json()) as MilestoneView[];
  const milestone = [...milestones].sort((a, b) => b.title.length - a.title.length)[0];
  const actors = (await (await request.get(`/api/roadmaps/${r.id}/actors`)).json()) as ActorView[];
  const meetingsRes = await request.get(`/api/roadmaps/${r.id}/meetings`);
  expect(meetingsRes.status(), await meetingsRes.text()).toBe(200);
  const meetings = (await meetingsRes.json()) as Array<{ id: string }>;
  const baselines = (await (await request.get(`/api/roadmaps/${r.id}/baselines`)).json()) as Array<{ id: string }>;
  return {
    slug: BREST,
    functionId: action.functionId,
    actionId: action.id,
    milestoneId: milestone.id,
    actorId: actors[0]?.id ?? null,
    meetingId: meetings[0]?.id ?? null,
    baselineId: baselines[0]?.id ?? null,
  };
}

const inRoadmap = (ids: Ids, ...rest: string[]) => ['', 'r', ids.slug, ...rest].join('/');

test.describe('phones and tablets', () => {
  test.describe('the elected official', () => {
    test.use({ role: 'elected' });

    test('at 390 × 844 no reading page scrolls sideways and the header fits in 120 px', async ({ page, request }, testInfo) => {
      const ids = await seededIds(request);
      // the Brest seed holds meetings (governance): their pages are swept too
      expect(ids.meetingId).not.toBeNull();
      await sweep(page, testInfo, [
        inRoadmap(ids),
        inRoadmap(ids, 'chronogramme'),
        `${inRoadmap(ids, 'chronogramme')}?vue=tableau`,
        `${inRoadmap(ids, 'chronogramme')}?fonction=${ids.functionId}`,
        inRoadmap(ids, 'fonctions', ids.functionId),
        inRoadmap(ids, 'actions', ids.actionId),
        inRoadmap(ids, 'jalons', ids.milestoneId),
        inRoadmap(ids, 'acteurs'),
        ...(ids.actorId ? [inRoadmap(ids, 'acteurs', ids.actorId)] : []),
        inRoadmap(ids, 'diagnostic'),
        // issue 12's pages
        inRoadmap(ids, 'lignes-de-base'),
        ...(ids.baselineId ? [`${inRoadmap(ids, 'chronogramme')}?vue=tableau&ligne=${ids.baselineId}`] : []),
        inRoadmap(ids, 'gouvernance'),
        ...(ids.meetingId ? [inRoadmap(ids, 'reunions', ids.meetingId), inRoadmap(ids, 'reunions', ids.meetingId, 'releve')] : []),
        inRoadmap(ids, 'rapport'),
        '/mes-echeances',
        '/feuilles-de-route',
        '/mon-compte',
        '/acces-refuse',
      ]);
    });
  });

  test.describe('the elected official’s phone', () => {
    test.use({ role: 'elected' });

    test('« Menu » folds the navigation, the account and the languages; the bell stays in reach', async ({ page }) => {
      await page.setViewportSize(PHONE);
      await open(page, `/r/${BREST}`);
      const header = page.locator('header');
      const menu = header.getByRole('button', { name: 'Menu' });
      const nav = header.getByRole('navigation', { name: 'Navigation principale' });
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(nav).toBeHidden();
      await expect(header.getByTestId('bell')).toBeVisible();
      expect((await header.boundingBox())?.height).toBeLessThanOrEqual(120);

      await menu.click();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await expect(nav.getByRole('link', { name: 'Chronogramme' })).toBeVisible();
      await expect(header.getByRole('link', { name: /mon compte/ })).toBeVisible();
      await expect(header.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
      // every entry on its own line, inside the screen, whatever their number
      const entries = await nav.getByRole('link').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().right));
      expect(entries.length).toBeGreaterThanOrEqual(5);
      expect(Math.max(...entries)).toBeLessThanOrEqual(PHONE.width);
      // Escape from inside the menu folds it and gives the keyboard back to « Menu »
      await nav.getByRole('link').first().focus();
      await page.keyboard.press('Escape');
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(menu).toBeFocused();

      await menu.click();
      await nav.getByRole('link', { name: 'Chronogramme' }).click();
      await expect(page).toHaveURL(new RegExp(`/r/${BREST}/chronogramme$`));
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(nav).toBeHidden();

      // a wide screen shows the navigation and no « Menu »
      await page.setViewportSize({ width: 1280, height: 800 });
      await expect(nav).toBeVisible();
      await expect(menu).toBeHidden();
    });

    test('the chronogram is a vertical timeline: the phases, today, the milestones by date, each function’s actions', async ({
      page,
      request,
    }, testInfo) => {
      const r = await brest(request);
      const c = await readChronogram(request, r.id);
      await page.setViewportSize(PHONE);
      await open(page, `/r/${BREST}/chronogramme`);
      const timeline = page.getByTestId('vertical-timeline');
      await expect(timeline).toBeVisible();
      await expect(page.locator('jl-gantt')).toHaveCount(0);

      const phases = timeline.locator('.vt__phases > li');
      await expect(phases.locator('h3')).toHaveText([...c.roadmap.phases].sort((a, b) => a.order - b.order).map((p) => new RegExp(p.name)));
      await expect(timeline.locator('[aria-current="step"]')).toHaveCount(c.roadmap.currentPhaseId ? 1 : 0);
      await expect(timeline.getByTestId('timeline-today')).toContainText('Aujourd’hui');
      const shown = await timeline.locator('[data-milestone]').evaluateAll((els) => els.map((e) => e.getAttribute('data-milestone')));
      const dateOf = new Map(c.milestones.map((m) => [m.id, m.date]));
      const dates = shown.map((id) => dateOf.get(id ?? '') ?? '');
      expect(shown).toHaveLength(c.milestones.length);
      expect(dates).toEqual([...dates].sort());

      const lists = timeline.locator('details');
      await expect(lists).toHaveCount(c.functions.length);
      const first = c.functions.find((f) => c.actions.some((a) => a.functionId === f.id));
      if (!first) throw new Error('no function with actions');
      const list = timeline.locator(`details[data-function="${first.id}"]`);
      const count = c.actions.filter((a) => a.functionId === first.id).length;
      await expect(list.locator('summary')).toContainText(`${count} action`);
      await list.locator('summary').click();
      await expect(list.locator('[data-action]')).toHaveCount(count);
      expect((await measure(page)).width).toBeLessThanOrEqual(PHONE.width);
      await expectNoSeriousA11yViolations(page, testInfo);

      const action = list.locator('[data-action] a').first();
      const title = (await action.textContent())?.trim() ?? '';
      await action.click();
      await expect(page).toHaveURL(new RegExp(`/r/${BREST}/actions/`));
      await expect(page.locator('main h1')).toHaveText(title);

      // the Gantt is still one click away
      await page.goBack();
      await page.getByRole('button', { name: 'Voir le diagramme de Gantt' }).click();
      await expect(page.locator('jl-gantt .jl-gantt__chart svg')).toBeVisible();
      await expect(page.getByTestId('vertical-timeline')).toHaveCount(0);
    });
  });

  test.describe('a tablet', () => {
    test.use({ role: 'elected' });

    test('at 768 px the Gantt gives its chart at least 60 % of the width', async ({ page }) => {
      await page.setViewportSize(TABLET);
      await open(page, `/r/${BREST}/chronogramme`);
      await expect(page.getByTestId('vertical-timeline')).toHaveCount(0);
      const chart = page.locator('.jl-gantt__chart');
      await expect(chart.locator('svg').first()).toBeVisible();
      const body = await page.locator('.jl-gantt__body').boundingBox();
      const drawn = await chart.boundingBox();
      if (!body || !drawn) throw new Error('no Gantt drawn');
      expect(drawn.width / body.width).toBeGreaterThanOrEqual(0.6);
      expect((await measure(page)).width).toBeLessThanOrEqual(TABLET.width);
    });
  });

  test.describe('the project lead', () => {
    test('at 390 × 844 the lead’s pages (Corbeille, phases, reprise, import, forms, the review) fit the screen', async ({
      page,
      request,
    }, testInfo) => {
      const ids = await seededIds(request);
      // an action whose words are longer than a phone is wide (a web address), with a proof link: its page must wrap them
      const c = await brestChronogram(request);
      const longWord = 'https://data.brest-metropole.fr/explore/dataset/inventaire-des-donnees-de-la-collectivite-2026';
      const created = await request.post(`/api/roadmaps/${c.roadmap.id}/actions`, {
        data: {
          functionId: ids.functionId,
          title: `Publier ${longWord}`,
          description: `Voir ${longWord}?format=csv&lang=fr`,
          start: c.roadmap.at,
          due: c.roadmap.end,
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      const wide = (await created.json()) as { id: string };
      const proof = await request.post(`/api/actions/${wide.id}/evidence`, {
        data: { title: `Inventaire ${longWord}`, url: `${longWord}/export?format=csv`, kind: 'jeu-de-donnees' },
      });
      expect(proof.status(), await proof.text()).toBe(201);
      await sweep(page, testInfo, [
        inRoadmap(ids, 'actions', wide.id),
        inRoadmap(ids, 'corbeille'),
        inRoadmap(ids, 'phases'),
        inRoadmap(ids, 'reprise'),
        inRoadmap(ids, 'import'),
        inRoadmap(ids, 'lignes-de-base'),
        inRoadmap(ids, 'gouvernance'),
        ...(ids.meetingId ? [inRoadmap(ids, 'reunions', ids.meetingId)] : []),
        inRoadmap(ids, 'actions', 'nouvelle'),
        inRoadmap(ids, 'jalons', 'nouveau'),
        inRoadmap(ids, 'actions', ids.actionId),
        `${inRoadmap(ids, 'chronogramme')}?vue=tableau`,
        '/feuilles-de-route/nouvelle',
      ]);
    });
  });

  test.describe('the administrator', () => {
    test.use({ role: 'admin' });

    test('at 390 × 844 the administration fits the screen', async ({ page }, testInfo) => {
      await sweep(page, testInfo, ['/administration', '/mon-compte']);
    });
  });

  test.describe('signed out', () => {
    test.use({ role: null });

    test('at 390 × 844 the sign-in and public pages fit the screen', async ({ page }, testInfo) => {
      await sweep(page, testInfo, ['/connexion', '/mot-de-passe-oublie', '/public']);
    });
  });
});
