// npm run bench:gantt — 1,000 bars drawn in Chromium through our wrapper (JlGantt) and through bare
// frappe-gantt on the same tasks, and the time until the chronogram page answers a click.
//
// Builds a roadmap of 10 functions × 89 actions + 100 milestones (+ the 10 function rows the
// wrapper draws as summary bars = 1,000 bars) in a throw-away embedded PostgreSQL (or
// DATABASE_URL's server, in a new database), starts the built API on it (it serves the built web
// app too), then, in Debian's Chromium driven by playwright-core, alternates:
//  - the wrapper: /chronogramme?roadmap=<id>. JlGantt's first render draws the grid and the header
//    (the `jl-gantt:render` User Timing measure: frappe's render + our layers), the next task the
//    bars of the rows in sight (the first `jl-gantt:bars` measure, then the mark `jl-gantt:sight`),
//    the other bars later, a slice at a time (`jl-gantt:bars` measures), until the mark `jl-gantt:drawn` (ADR 0028). Its
//    time is ALL that drawing work: the render plus every slice (the gaps between them, where the
//    browser does other things, are not counted);
//  - bare frappe-gantt: a blank page with frappe's CSS and UMD build, the same tasks built from the
//    same chronogram JSON, `new Gantt(el, tasks, options)` timed with performance.now();
//  - the page (/r/<slug>/chronogramme): from navigation start until a click on « Tableau » shows the table.
// Each run is a fresh browser context (no cache); the p50 of BENCH_RUNS (default 7) is printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import pg from 'pg';
import { chromium } from 'playwright-core';

import { buildRoadmap, chromiumPath, fmt, p50, startApi, startDatabase, stopApi } from './bench-env.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const FUNCTIONS = 10;
const ACTIONS_PER_FUNCTION = 89;
const MILESTONES = 100;
const EXPECTED_BARS = FUNCTIONS + FUNCTIONS * ACTIONS_PER_FUNCTION + MILESTONES; // 1,000
const AT = '2026-11-28';
const SLUG = 'bench-gantt';
const CHROMIUM = chromiumPath();
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const VIEWPORT = { width: 1440, height: 900 };
/** web/src/app/gantt/gantt-layout.ts: FRAPPE_SIZES, PX_PER_DAY.quarter, MARGIN_DAYS.quarter */
const FRAPPE_SIZES = { bar_height: 24, padding: 16, upper_header_height: 64, lower_header_height: 30 };
const PX_PER_DAY_QUARTER = 1.5;
const MARGIN_DAYS_QUARTER = 45;

const FRAPPE_DIR = join(process.cwd(), 'node_modules/frappe-gantt/dist');

// ---- the bare frappe-gantt side: the same tasks and the closest options ----

const dayNumber = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
const isoOf = (n) => new Date(n * 86_400_000).toISOString().slice(0, 10);
function firstOfQuarter(iso) {
  const m = Number(iso.slice(5, 7));
  return `${iso.slice(0, 4)}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`;
}
function addMonths(iso, months) {
  const d = new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1 + months, 1));
  return d.toISOString().slice(0, 10);
}

/** gantt-layout.ts chartRange(view, 'quarter'): the days the wrapper shows. */
function wrapperRange(view) {
  let min = dayNumber(view.roadmap.start);
  let max = dayNumber(view.roadmap.end);
  const see = (d) => {
    if (!d) return;
    const n = dayNumber(d);
    if (n < min) min = n;
    if (n > max) max = n;
  };
  for (const a of view.actions) {
    see(a.start);
    see(a.due);
  }
  for (const m of view.milestones) see(m.date);
  const start = firstOfQuarter(isoOf(min - MARGIN_DAYS_QUARTER));
  const end = isoOf(dayNumber(addMonths(firstOfQuarter(isoOf(max + MARGIN_DAYS_QUARTER)), 3)) - 1);
  return { start, end };
}

/** A list of objects sent as a table (libs/shared/domain wire-table.ts `rowsOf`, ADR 0034), or already a list. */
function rowsOf(table) {
  if (Array.isArray(table)) return table;
  const objects = [];
  for (const group of table.groups) {
    for (const row of group.rows) {
      const o = {};
      for (const k of table.groupedBy) o[k] = group[k];
      table.columns.forEach((c, i) => (o[c] = row[i]));
      objects.push(o);
    }
  }
  return objects;
}

/** The chronogram's JSON (its wire form, or the view form) as the view the web app works on. */
const viewOf = (body) => ({ ...body, actions: rowsOf(body.actions), milestones: rowsOf(body.milestones) });

/**
 * The chronogram as plain frappe tasks, in the wrapper's row order: per function a summary task
 * (its first start to its last due), its actions, then its milestones, each set by date.
 * Actions keep their progress and arrows; milestones are one-day tasks.
 */
function bareTasks(view) {
  const actionTaskId = new Map(view.actions.map((a) => [a.id, `a-${a.id}`]));
  const tasks = [];
  const byDate = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
  for (const f of view.functions) {
    const actions = view.actions.filter((a) => a.functionId === f.id).sort((x, y) => byDate(x.start, y.start));
    const milestones = view.milestones.filter((m) => m.functionId === f.id).sort((x, y) => byDate(x.date, y.date));
    const days = [...actions.flatMap((a) => [a.start, a.due]), ...milestones.map((m) => m.date)].sort(byDate);
    tasks.push({
      id: `f-${f.id}`,
      name: '',
      start: days[0],
      end: days[days.length - 1],
      progress: f.rollUp?.progress ?? 0,
      color: '#dfe5ee',
      dependencies: [],
    });
    for (const a of actions) {
      tasks.push({
        id: actionTaskId.get(a.id),
        name: `${a.progress} %`,
        start: a.start,
        end: a.due,
        progress: a.progress,
        color: '#c5cede',
        dependencies: (a.predecessorIds ?? []).map((p) => actionTaskId.get(p)).filter(Boolean),
      });
    }
    for (const m of milestones) tasks.push({ id: `m-${m.id}`, name: '', start: m.date, end: m.date, progress: 0, dependencies: [] });
  }
  return tasks;
}

/**
 * Runs in the blank page: builds the options (functions cannot cross page.evaluate) and times
 * `new Gantt(el, tasks, options)` after a forced layout.
 */
function runBareInPage({ tasks, sizes, pxPerDay, padding, builtin }) {
  const year = (d, ld) => (!ld || d.getFullYear() !== ld.getFullYear() ? String(d.getFullYear()) : '');
  const quarter = (d, ld) => (!ld || (d.getDate() === 1 && d.getMonth() % 3 === 0) ? `T${Math.floor(d.getMonth() / 3) + 1}` : '');
  const options = {
    ...sizes,
    // the wrapper's 'quarter' mode: one column per day, 1.5 px wide, labels on quarter starts
    view_modes: [
      {
        name: 'quarter',
        step: '1d',
        column_width: pxPerDay,
        date_format: 'YYYY-MM-DD',
        padding,
        snap_at: '1d',
        upper_text: year,
        lower_text: quarter,
      },
    ],
    view_mode: 'quarter',
    language: 'fr',
    container_height: 'auto',
    infinite_padding: false,
    holidays: null,
    lines: 'horizontal',
    today_button: false,
    view_mode_select: false,
    move_dependencies: false,
    popup_on: 'hover',
    readonly: true,
    readonly_dates: true,
    readonly_progress: true,
  };
  if (builtin) {
    // frappe's own Month mode (informative only)
    delete options.view_modes;
    options.view_mode = 'Month';
  }
  const el = document.getElementById('chart');
  void el.getBoundingClientRect(); // forced layout before the clock starts
  void document.body.offsetHeight;
  const t0 = performance.now();
  const gantt = new Gantt(el, tasks, options);
  const ms = performance.now() - t0;
  const svg = document.querySelector('svg.gantt');
  return {
    ms,
    bars: document.querySelectorAll('.bar-wrapper').length,
    arrows: document.querySelectorAll('.arrow path').length,
    width: Number(svg.getAttribute('width')),
    columns: gantt.dates.length,
  };
}

// ---- the three measurements ----

/** A browser context carrying the benchmark administrator's session cookie. */
async function signedInContext(browser, base, session) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addCookies([{ name: 'jalons_session', value: session, url: base }]);
  return context;
}

async function measureWrapper(browser, base, id, session) {
  const context = await signedInContext(browser, base, session);
  try {
    const page = await context.newPage();
    await page.goto(`${base}/chronogramme?roadmap=${id}`);
    await page.waitForFunction(() => performance.getEntriesByName('jl-gantt:drawn', 'mark').length > 0, null, { timeout: 60_000 });
    // a frame later: any other render the page would do on load is done too
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200))));
    return await page.evaluate(() => {
      const renders = performance.getEntriesByName('jl-gantt:render', 'measure');
      const drawn = performance.getEntriesByName('jl-gantt:drawn', 'mark')[0];
      const slices = performance
        .getEntriesByName('jl-gantt:bars', 'measure')
        .filter((m) => m.startTime >= renders[0].startTime && m.startTime <= drawn.startTime);
      const svg = document.querySelector('.jl-gantt svg.gantt');
      const sight = performance.getEntriesByName('jl-gantt:sight', 'mark')[0];
      return {
        ms: renders[0].duration + slices.reduce((sum, m) => sum + m.duration, 0),
        firstMs: renders[0].duration,
        // the task that draws the bars in sight, right after the render
        sightMs: sight ? (slices.find((m) => m.startTime >= renders[0].startTime + renders[0].duration)?.duration ?? NaN) : 0,
        sightAt: sight ? sight.startTime : renders[0].startTime + renders[0].duration,
        slices: slices.length,
        drawnAt: drawn.startTime,
        // our layers (drawOverlays), inside that render
        overlaysMs: performance.getEntriesByName('jl-gantt:overlays', 'measure')[0]?.duration ?? NaN,
        renders: renders.length,
        bars: document.querySelectorAll('.jl-gantt .bar-wrapper').length,
        arrows: document.querySelectorAll('.jl-gantt .arrow path').length,
        // the left-hand list keeps only the rows in sight (ADR 0028)
        listRows: document.querySelectorAll('.jl-gantt .jl-gantt__row').length,
        width: Number(svg?.getAttribute('width')),
        // when the rows in sight were drawn, from navigation start
        firstAt: renders[0].startTime + renders[0].duration,
      };
    });
  } finally {
    await context.close();
  }
}

async function measureBare(browser, input, frappe) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    // the wrapper's chart area is about as wide (the page minus the left-hand list)
    await page.setContent(
      '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>frappe-gantt</title></head><body style="margin:0"><div style="width:1100px"><div id="chart"></div></div></body></html>',
    );
    await page.addStyleTag({ content: frappe.css });
    await page.addScriptTag({ content: frappe.js });
    return await page.evaluate(runBareInPage, input);
  } finally {
    await context.close();
  }
}

async function measureClick(browser, base, id, session) {
  const context = await signedInContext(browser, base, session);
  try {
    await context.addInitScript(() => {
      const seen = () => {
        if (window.__jlTableAt === undefined && document.querySelector('[data-testid="chronogram-table"]'))
          window.__jlTableAt = performance.now();
      };
      new MutationObserver(seen).observe(document, { childList: true, subtree: true });
      document.addEventListener('click', () => (window.__jlClickAt ??= performance.now()), true);
      // the long frames of the load, to see what holds the main thread (Chromium's LoAF entries)
      window.__jlFrames = [];
      try {
        new PerformanceObserver((list) => window.__jlFrames.push(...list.getEntries())).observe({
          type: 'long-animation-frame',
          buffered: true,
        });
      } catch {
        /* not supported */
      }
    });
    const page = await context.newPage();
    // the chronogram's address as the app writes it (/r/<slug>/chronogramme), not an old link's redirect
    await page.goto(`${base}/r/${SLUG}/chronogramme`, { waitUntil: 'commit' });
    // a real mouse click as soon as the button is on screen, as a person would: the page looks for it
    // every animation frame (a look runs when the main thread is free and a frame is drawn), not with
    // waitForSelector's back-off (0, 20, 50, 100, 100 then every 500 ms), which quantised the figure
    // by up to half a second after the button appeared. The look answers with the button's centre, so
    // the click follows in one round trip to the page (a handle, then its box, took 20–40 ms of the
    // harness's own, counted in the figure until 2026-11-30); then a real mouse click (CDP input
    // events, handled when the main thread is free)
    const centre = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const until = performance.now() + 60_000;
          const look = () => {
            const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === 'Tableau');
            const r = b?.getBoundingClientRect();
            if (r && r.width > 0 && r.height > 0) {
              window.__jlButtonAt ??= performance.now();
              resolve({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
            } else if (performance.now() > until) reject(new Error('no « Tableau » button within 60 s'));
            else requestAnimationFrame(look);
          };
          look();
        }),
    );
    await page.mouse.click(centre.x, centre.y);
    await page.waitForFunction(() => window.__jlTableAt !== undefined, null, { timeout: 60_000 });
    return await page.evaluate(() => {
      const render = performance.getEntriesByName('jl-gantt:render', 'measure')[0];
      const sight = performance.getEntriesByName('jl-gantt:sight', 'mark')[0];
      const drawn = performance.getEntriesByName('jl-gantt:drawn', 'mark')[0];
      const frames = window.__jlFrames
        .filter((f) => f.startTime < window.__jlTableAt)
        .map((f) => ({
          start: f.startTime,
          duration: f.duration,
          scripts: f.scripts.reduce((s, x) => s + x.duration, 0),
          styleLayout: f.duration - (f.styleAndLayoutStart ? f.styleAndLayoutStart - f.startTime : f.duration),
        }));
      return {
        tableAt: window.__jlTableAt,
        buttonAt: window.__jlButtonAt,
        // what the page fetched before the table, and when (BENCH_GANTT_REQUESTS=1 prints it)
        requests: [
          // the page itself: asked, first byte, last byte, parsed (the document's navigation timing)
          ...performance
            .getEntriesByType('navigation')
            .map(
              (n) =>
                `page ${n.requestStart.toFixed(0)}→${n.responseStart.toFixed(0)}→${n.responseEnd.toFixed(0)}, parsed ${n.domInteractive.toFixed(0)}`,
            ),
          ...performance
            .getEntriesByType('resource')
            .filter((r) => r.startTime < window.__jlTableAt)
            .map((r) => `${new URL(r.name).pathname.replace(/^.*\/(api\/)/, '/$1')} ${r.startTime.toFixed(0)}→${r.responseEnd.toFixed(0)}`),
        ],
        clickAt: window.__jlClickAt,
        // the bars in sight drawn (if they were before the table replaced the chart)
        chartDrawnAt: sight ? sight.startTime : null,
        gridAt: render ? render.startTime + render.duration : null,
        // every bar drawn (if it was before the table replaced the chart)
        allDrawnAt: drawn ? drawn.startTime : null,
        frames,
      };
    });
  } finally {
    await context.close();
  }
}

async function main() {
  const db = await startDatabase('jalons_gantt_bench');
  let api;
  let browser;
  const client = new pg.Client({ connectionString: db.url });
  try {
    // the API applies the migrations on start; the roadmap is written after
    api = await startApi(db.url);
    await client.connect();
    const { id, counts } = await buildRoadmap(client, {
      slug: SLUG,
      functions: FUNCTIONS,
      actionsPerFunction: ACTIONS_PER_FUNCTION,
      milestones: MILESTONES,
      spread: 27,
      at: AT,
    });
    await client.end();

    const res = await fetch(`${api.base}/api/roadmaps/${id}/chronogram`, { headers: api.headers });
    if (!res.ok) throw new Error(`chronogram answered ${res.status}`);
    const view = viewOf(await res.json());
    const tasks = bareTasks(view);
    if (tasks.length !== EXPECTED_BARS) throw new Error(`expected ${EXPECTED_BARS} tasks, built ${tasks.length}`);
    // frappe spans [first task start, last task end (+1 day, ends are inclusive)] plus the padding:
    // the padding makes it span the wrapper's days
    const range = wrapperRange(view);
    const first = Math.min(...tasks.map((t) => dayNumber(t.start)));
    const last = Math.max(...tasks.map((t) => dayNumber(t.end))) + 1;
    // (frappe's date loop includes its last day: one day less at the end than the arithmetic says)
    const padding = [`${first - dayNumber(range.start)}d`, `${dayNumber(range.end) - last}d`];
    const input = { tasks, sizes: FRAPPE_SIZES, pxPerDay: PX_PER_DAY_QUARTER, padding };
    const frappe = {
      css: readFileSync(join(FRAPPE_DIR, 'frappe-gantt.css'), 'utf8'),
      js: readFileSync(join(FRAPPE_DIR, 'frappe-gantt.umd.js'), 'utf8'),
    };

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    // one warm-up of each (the API's chronogram cache, Chromium's code cache), not counted
    await measureWrapper(browser, api.base, id, api.session);
    await measureBare(browser, input, frappe);

    const wrapper = [];
    const bare = [];
    const overlays = [];
    const firsts = [];
    const sights = [];
    const sightAt = [];
    const drawnAt = [];
    const click = [];
    let lastWrapper;
    let lastBare;
    let lastClick;
    const builtin = [];
    let lastBuiltin;
    for (let i = 0; i < RUNS; i++) {
      // alternated, so a busy machine weighs on both alike; the order flips every run
      const order = i % 2 === 0 ? ['w', 'b'] : ['b', 'w'];
      for (const which of order) {
        if (which === 'w') {
          lastWrapper = await measureWrapper(browser, api.base, id, api.session);
          if (lastWrapper.bars !== EXPECTED_BARS) throw new Error(`the wrapper drew ${lastWrapper.bars} bars, not ${EXPECTED_BARS}`);
          wrapper.push(lastWrapper.ms);
          overlays.push(lastWrapper.overlaysMs);
          firsts.push(lastWrapper.firstMs);
          sights.push(lastWrapper.sightMs);
          sightAt.push(lastWrapper.sightAt);
          drawnAt.push(lastWrapper.drawnAt);
        } else {
          lastBare = await measureBare(browser, input, frappe);
          if (lastBare.bars !== EXPECTED_BARS) throw new Error(`bare frappe-gantt drew ${lastBare.bars} bars, not ${EXPECTED_BARS}`);
          bare.push(lastBare.ms);
        }
      }
      lastBuiltin = await measureBare(browser, { ...input, builtin: true }, frappe);
      builtin.push(lastBuiltin.ms);
      lastClick = await measureClick(browser, api.base, id, api.session);
      click.push(lastClick.tableAt);
    }

    const w = p50(wrapper);
    const b = p50(bare);
    const c = p50(click);
    console.log(
      `roadmap: ${FUNCTIONS} functions, ${counts.actions} actions, ${counts.milestones} milestones, ${counts.deps} dependencies → ${EXPECTED_BARS} bars (with the ${FUNCTIONS} function rows)`,
    );
    console.log(
      `chart: ${range.start} → ${range.end}, one column per day at ${PX_PER_DAY_QUARTER} px; svg width wrapper ${lastWrapper.width} px, bare ${lastBare.width} px; bars ${lastWrapper.bars} / ${lastBare.bars}; arrows ${lastWrapper.arrows} / ${lastBare.arrows}; renders on load ${lastWrapper.renders}; rows of the left-hand list in the page ${lastWrapper.listRows} of ${EXPECTED_BARS}`,
    );
    console.log(`runs (ms) wrapper [${fmt(wrapper)}]  bare [${fmt(bare)}]  click [${fmt(click)}]`);
    console.log(
      `wrapper render p50 ${w.toFixed(1)} ms | bare frappe-gantt p50 ${b.toFixed(1)} ms | ratio ${(w / b).toFixed(2)} (target ≤ 1.2)`,
    );
    console.log(
      `  of the wrapper's drawing: the render (grid, header, our layers — phase bands, ticks, marks — ${p50(overlays).toFixed(1)} ms of it) p50 ${p50(firsts).toFixed(1)} ms, the bars of the rows in sight in the next task p50 ${p50(sights).toFixed(1)} ms (on screen ${p50(sightAt).toFixed(0)} ms after navigation), then ${lastWrapper.slices - 1} more slices for the other bars and the arrows; every bar drawn ${p50(drawnAt).toFixed(0)} ms after navigation (p50)`,
    );
    console.log(
      `(for information: bare frappe-gantt with its own 'Month' mode — one column per month, ${lastBuiltin.columns} columns, svg ${lastBuiltin.width} px, not the same geometry — p50 ${p50(builtin).toFixed(1)} ms)`,
    );
    console.log(
      `chronogram page answers a click after ${c.toFixed(0)} ms (p50 from navigation; target ≤ 1000; last run: chart's grid drawn at ${lastClick.gridAt?.toFixed(0) ?? '— (not before the click)'} ms, rows in sight at ${lastClick.chartDrawnAt?.toFixed(0) ?? '— (not before the click)'} ms, every bar at ${lastClick.allDrawnAt?.toFixed(0) ?? '— (not before the click)'}, button seen at ${lastClick.buttonAt?.toFixed(0)} ms, click dispatched at ${lastClick.clickAt?.toFixed(0)} ms, table shown at ${lastClick.tableAt.toFixed(0)} ms)`,
    );
    const long = lastClick.frames.filter((f) => f.duration >= 50);
    console.log(
      `  long frames of that run: ${long.map((f) => `at ${f.start.toFixed(0)} ms ${f.duration.toFixed(0)} ms (scripts ${f.scripts.toFixed(0)}, style+layout+paint ${f.styleLayout.toFixed(0)})`).join('; ') || 'none reported'}`,
    );
    if (process.env.BENCH_GANTT_REQUESTS) console.log(`  requests of that run (ms from navigation): ${lastClick.requests.join('; ')}`);
  } finally {
    await client.end().catch(() => undefined);
    if (browser) await browser.close().catch(() => undefined);
    if (api) await stopApi(api).catch(() => undefined);
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
