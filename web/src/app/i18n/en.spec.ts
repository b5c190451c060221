import { ACTION_STATUS_LABELS, DIGEST_LABELS, MILESTONE_STATE_LABELS, ROLE_LABELS } from '@jalons/domain';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { OUTBOX_STATUS_LABELS, TRIGGER_LABELS } from '../admin/reminders-admin';
import { VIEW_MODES } from '../gantt/time-scale';
import { MILESTONE_STATE_LABELS as GANTT_MILESTONE_STATES, STATUS_LABELS as GANTT_STATUSES } from '../gantt/gantt-rows';
import { FRENCH_MONTHS, VIEW_MODE_LABELS } from '../gantt/gantt-view-modes';
import * as labels from '../shared/labels';
import { EN } from './en';

/** The web app's sources: templates and code, not the specs nor the test helpers. */
const APP = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === 'testing' ? [] : sources(path);
    }
    const isSource = (name.endsWith('.ts') && !name.endsWith('.spec.ts')) || name.endsWith('.html');
    return isSource && path !== join(__dirname, 'en.ts') ? [path] : [];
  });
}

/** a quoted text, which Prettier may have wrapped over several lines of a template */
const LITERAL = `'((?:[^'\\\\]|\\\\.)*)'`;
/** `'…' | t` in templates (inline ones too) */
const PIPED = new RegExp(`${LITERAL}\\s*\\|\\s*t\\b`, 'g');
/** `t('…')`, `i18n.t('…')`, `tKey('…')` in code */
const CALLED = new RegExp(`\\b(?:t|tKey)\\(\\s*${LITERAL}`, 'g');

/** Every French text the app shows, with the first file that uses it. */
function usedKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const path of sources(APP)) {
    let source = readFileSync(path, 'utf8');
    if (path.endsWith('.ts')) {
      // comments may quote examples
      source = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    }
    for (const pattern of [PIPED, CALLED]) {
      for (const match of source.matchAll(pattern)) {
        const key = match[1].replace(/\s+/g, ' ');
        if (!keys.has(key)) keys.set(key, relative(APP, path));
      }
    }
  }
  // the domain's labels, shown through the dictionary (libs/ cannot mark them)
  const domainTables = [ROLE_LABELS, DIGEST_LABELS, ACTION_STATUS_LABELS, MILESTONE_STATE_LABELS];
  for (const label of domainTables.flatMap((table) => Object.values(table))) {
    if (!keys.has(label)) keys.set(label, '@jalons/domain');
  }
  return keys;
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the English dictionary', () => {
  const keys = usedKeys();

  it('finds the texts of the templates, the code and the label tables', () => {
    expect(keys.size).toBeGreaterThan(400);
    expect(keys.get('Vue du mandat')).toBe('app.html');
    expect(keys.get('Vue du mandat · Jalons')).toBe('overview/overview.routes.ts');
    expect(keys.get('À l’heure')).toBe('shared/labels.ts');
    expect(keys.get('Rappels, {n} non lu|Rappels, {n} non lus')).toBe('reminders/reminder-bell.ts');
    expect(keys.has('Chef·fe de projet')).toBe(true);
  });

  it('translates every French text the app shows (a missing one is listed with its file)', () => {
    const missing = [...keys].filter(([key]) => !(key in EN)).map(([key, file]) => `${file}: ${key}`);
    expect(missing).toEqual([]);
  });

  it('translates every label of the tables shown through the dictionary', () => {
    const tables: Readonly<Record<string, string>>[] = [
      labels.HEALTH_LABELS,
      labels.FAMILY_LABELS,
      labels.STATUS_LABELS,
      labels.MILESTONE_STATE_LABELS,
      labels.VOLET_LABELS,
      labels.HISTORY_FIELD_LABELS,
      labels.ROLE_LABELS,
      DIGEST_LABELS,
      TRIGGER_LABELS,
      OUTBOX_STATUS_LABELS,
      GANTT_STATUSES,
      GANTT_MILESTONE_STATES,
      VIEW_MODE_LABELS,
      { ...FRENCH_MONTHS },
      Object.fromEntries(VIEW_MODES.map((m) => [m.value, m.label])),
    ];
    const untranslated = tables.flatMap((table) => Object.values(table)).filter((label) => !(label in EN));
    expect(untranslated).toEqual([]);
  });

  it('keeps no translation of a text the app no longer shows', () => {
    expect(Object.keys(EN).filter((key) => !keys.has(key))).toEqual([]);
  });

  it('keeps the placeholders and the plural forms of each text', () => {
    const broken = Object.entries(EN).filter(
      ([fr, en]) =>
        placeholders(fr).join() !== placeholders(en).join() || fr.split('|').length !== en.split('|').length || en.trim() === '',
    );
    expect(broken).toEqual([]);
  });
});
