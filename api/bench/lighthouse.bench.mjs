// npm run bench:lighthouse — Lighthouse (the `lighthouse` npm package) in Debian's Chromium, mobile
// emulation (Lighthouse's defaults: a Moto G Power-sized screen, simulated slow 4G and a 4× slower
// CPU), on three pages a citizen, an elected official or a new user opens first:
//  - the sign-in page (/connexion), signed out;
//  - the overview of the Brest roadmap, signed in as an administrator (the session cookie is put in
//    the browser through puppeteer-core before the audit — Lighthouse's own recipe for pages behind a
//    sign-in; it keeps cookies between runs, and an `extraHeaders` Cookie is not sent with fetch());
//  - the public page of the Brest roadmap (/public/brest-2026-2032), signed out.
// Runs on a throw-away embedded PostgreSQL (or a new database on DATABASE_URL's server) seeded with
// the Brest kit, with the built app (npm run build) in production mode. Prints, per page, the
// performance, accessibility, best-practices and SEO scores and the main metrics, for BENCH_RUNS
// runs (default 1), and the median when there are several. Target (issue 14): performance ≥ 90,
// accessibility 100, best practices 100 on the three pages.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import pg from 'pg';
import puppeteer from 'puppeteer-core';

import { chromiumPath, startApi, startDatabase, stopApi } from './bench-env.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 1);
/** where to write each run's full report (JSON, for Lighthouse's viewer), when set */
const REPORTS = process.env.BENCH_LIGHTHOUSE_REPORTS;
const CHROMIUM = chromiumPath();
const SLUG = 'brest-2026-2032';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Opens the Brest roadmap's public page (it is off by default; the lead opens it in the app). */
async function openPublicPage(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('update roadmap set public_page = true where slug = $1', [SLUG]);
    if (rowCount !== 1) throw new Error(`the seeded roadmap ${SLUG} is missing`);
  } finally {
    await client.end();
  }
}

/** Signs the browser in (the session cookie the bench's sign-in got), or out. */
async function setSession(browser, base, session) {
  const page = await browser.newPage();
  try {
    const url = new URL(base);
    if (session) await page.setCookie({ name: 'jalons_session', value: session, domain: url.hostname, path: '/', httpOnly: true });
    else await page.deleteCookie({ name: 'jalons_session', domain: url.hostname, path: '/' });
  } finally {
    await page.close();
  }
}

async function audit(chrome, url) {
  const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }, undefined);
  const lhr = result.lhr;
  if (REPORTS) {
    mkdirSync(REPORTS, { recursive: true });
    writeFileSync(
      join(REPORTS, `${new URL(url).pathname.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'root'}-${Date.now()}.json`),
      result.report,
    );
  }
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
  const metrics = Object.fromEntries(METRICS.map(([id, label]) => [label, lhr.audits[id]?.numericValue ?? NaN]));
  const failing = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
    .filter((a) => ['accessibility', 'best-practices'].some((c) => lhr.categories[c]?.auditRefs.some((r) => r.id === a.id && r.weight > 0)))
    .map((a) => a.id);
  return { scores, metrics, failing, finalUrl: lhr.finalDisplayedUrl };
}

const show = (label, runs) => {
  const s = (c) => median(runs.map((r) => r.scores[c]));
  const m = (k) => median(runs.map((r) => r.metrics[k]));
  console.log(
    `${label.padEnd(16)} performance ${String(s('performance')).padStart(3)}  accessibility ${String(s('accessibility')).padStart(3)}  ` +
      `best practices ${String(s('best-practices')).padStart(3)}  SEO ${String(s('seo')).padStart(3)}  | ` +
      `FCP ${(m('FCP') / 1000).toFixed(2)} s  LCP ${(m('LCP') / 1000).toFixed(2)} s  TBT ${m('TBT').toFixed(0)} ms  ` +
      `CLS ${m('CLS').toFixed(3)}  SI ${(m('SI') / 1000).toFixed(2)} s` +
      (runs.length > 1 ? `  (performance per run: ${runs.map((r) => r.scores.performance).join(', ')})` : ''),
  );
  const failing = [...new Set(runs.flatMap((r) => r.failing))];
  if (failing.length) console.log(`${''.padEnd(16)} failing accessibility/best-practices audits: ${failing.join(', ')}`);
};

const db = await startDatabase('jalons_lighthouse');
let api;
let chrome;
try {
  api = await startApi(db.url, { SEED_ON_START: 'true' });
  await openPublicPage(db.url);
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  const pages = [
    ['sign-in', `${api.base}/connexion`, null],
    ['overview', `${api.base}/r/${SLUG}`, api.session],
    ['public page', `${api.base}/public/${SLUG}`, null],
  ];
  console.log(`Lighthouse ${RUNS} run(s) per page, mobile emulation, Chromium at ${CHROMIUM}\n`);
  for (const [label, url, session] of pages) {
    await setSession(browser, api.base, session);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await audit(chrome, url));
    // a page that sent the audit elsewhere (the overview to the sign-in page) was not measured: say so, loudly
    if (!runs[0].finalUrl.startsWith(url)) throw new Error(`${label}: redirected to ${runs[0].finalUrl}, not measured`);
    show(label, runs);
  }
  await browser.disconnect();
} finally {
  await chrome?.kill();
  if (api) await stopApi(api);
  await db.stop();
}
