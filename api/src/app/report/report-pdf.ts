import { dirname, join } from 'node:path';

import type { Health } from '@jalons/domain';
import type { ReportData, ReportItem, ReportPaper } from '@jalons/contract';
import pdfmake from 'pdfmake';

import { actorsMapSvg, sCurveSvg } from './report-charts';
import {
  REPORT_LABELS,
  decisionKindLabel,
  formatDay,
  formatPercent,
  groupLabel,
  healthLabel,
  kindLabel,
  stateLabel,
} from './report-labels';
import type { ReportLabels } from './report-labels';

/*
 * The council report as a PDF, with pdfmake on the server (ADR 0021): Roboto embedded (subset) from
 * pdfmake's own font files, found at run time (the API's bundle keeps node_modules outside), no
 * network and no other file ever read; tables repeat their header row on each page; health is a word
 * on its colour; the drawings are vector SVG.
 */

type Node = Record<string, unknown> | string;

const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
};
/** The tables' lines: a rule under the header, hairlines between rows, no vertical lines. */
const LAYOUT = {
  report: {
    hLineWidth: (i: number) => (i === 0 ? 0 : i === 1 ? 1 : 0.5),
    vLineWidth: () => 0,
    hLineColor: () => '#d5dbe3',
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  },
};

let configured = false;

/**
 * Node's own `require`: in the API's webpack bundle `require.resolve` would be replaced by a module
 * number (webpack provides `__non_webpack_require__` for this); under ts-jest there is no bundle.
 */
function nodeRequire(): NodeJS.Require {
  return typeof __non_webpack_require__ === 'function' ? __non_webpack_require__ : require;
}

/** Points pdfmake at the Roboto files shipped in its package, and lets it read nothing else. */
function configure(): void {
  if (configured) return;
  const dir = dirname(nodeRequire().resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));
  const roboto = {
    normal: join(dir, FONT_FILES.normal),
    bold: join(dir, FONT_FILES.bold),
    italics: join(dir, FONT_FILES.italics),
    bolditalics: join(dir, FONT_FILES.bolditalics),
  };
  const allowed = new Set(Object.values(roboto));
  pdfmake.setFonts({ Roboto: roboto });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  pdfmake.addTableLayouts(LAYOUT);
  configured = true;
}

/** Health shown as a word on its colour (the web's badges), never colour alone. */
const HEALTH_STYLE: Record<Health, { color: string; fillColor: string }> = {
  on_track: { color: '#1b5e20', fillColor: '#e3f1e6' },
  at_risk: { color: '#6d4c00', fillColor: '#fff1cc' },
  late: { color: '#a4231a', fillColor: '#fbe3e1' },
};

const PAPER: Record<ReportPaper, { pageSize: string; pageOrientation: string; width: number }> = {
  a4: { pageSize: 'A4', pageOrientation: 'portrait', width: 595.28 - 80 },
  a3: { pageSize: 'A3', pageOrientation: 'landscape', width: 1190.55 - 80 },
};

const th = (text: string): Node => ({ text, style: 'th' });
const num = (text: string | number): Node => ({ text: String(text), alignment: 'right' });

function health(data: ReportData, h: Health): Node {
  return { text: healthLabel(data.lang, h), bold: true, ...HEALTH_STYLE[h] };
}

/** A table with its header row repeated on every page it spans, and rows kept whole. */
function table(widths: Array<string | number>, header: string[], rows: Node[][]): Node {
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [header.map(th), ...rows] },
    layout: 'report',
    margin: [0, 4, 0, 8],
  };
}

const more = (L: ReportLabels, total: number, shown: number): Node[] =>
  total > shown ? [{ text: L.andMore(total - shown), italics: true, margin: [0, 0, 0, 8] }] : [];

const h1 = (text: string): Node => ({ text, style: 'h1' });
const note = (text: string): Node => ({ text, style: 'note' });

function cover(data: ReportData, L: ReportLabels): Node[] {
  const d = (x: string) => formatDay(data.lang, x);
  return [
    { text: L.title, style: 'cover', margin: [0, 120, 0, 12] },
    { text: data.roadmap.territory, fontSize: 20, bold: true },
    {
      text: `${data.roadmap.mandateLabel} (${d(data.roadmap.start)} – ${d(data.roadmap.end)})`,
      fontSize: 13,
      margin: [0, 4, 0, 24],
    },
    { text: L.situationAt(d(data.at)), fontSize: 16, margin: [0, 0, 0, 6] },
    { text: [L.headlineLine(''), health(data, data.headline.health)], fontSize: 14, margin: [0, 0, 0, 24] },
    ...(data.roadmap.projectLead ? [{ text: L.projectLead(data.roadmap.projectLead), fontSize: 11 }] : []),
    { text: L.generatedOn(d(data.generatedOn)), fontSize: 10, color: '#4a5566', pageBreak: 'after' },
  ];
}

function headlineSection(data: ReportData, L: ReportLabels): Node[] {
  const { overall, currentPhase, drivenBy } = data.headline;
  const p = (n: number) => `${formatPercent(data.lang, n)} %`;
  const rows: Node[][] = [[L.overall, num(p(overall.progress)), num(p(overall.expected)), health(data, overall.health)]];
  if (currentPhase) {
    rows.push([
      L.currentPhase(currentPhase.name),
      num(p(currentPhase.rollUp.progress)),
      num(p(currentPhase.rollUp.expected)),
      health(data, currentPhase.rollUp.health),
    ]);
  }
  const why = !currentPhase ? L.noCurrentPhase : drivenBy === 'currentPhase' ? L.drivenByPhase(currentPhase.name) : L.drivenByOverall;
  return [
    h1(L.headline),
    { text: [L.headlineLine(''), health(data, data.headline.health)], fontSize: 13, margin: [0, 0, 0, 4] },
    note(why),
    table(['*', 70, 70, 90], [L.scope, L.progress, L.expected, L.health], rows),
  ];
}

function progressSections(data: ReportData, L: ReportLabels): Node[] {
  const p = (n: number) => `${formatPercent(data.lang, n)} %`;
  const d = (x: string) => formatDay(data.lang, x);
  const figures = (r: ReportData['phases'][number]['rollUp'], m: ReportData['phases'][number]['milestones']): Node[] => [
    num(p(r.progress)),
    num(p(r.expected)),
    health(data, r.health),
    num(`${r.done} / ${r.count}`),
    num(r.overdue),
    num(`${m.achieved} / ${m.total}`),
  ];
  // the period and the owner under the name: six figures and a name fit an A4's width (fixed widths, not pdfmake's auto)
  const phases = data.phases.map((ph) => [
    {
      stack: [
        { text: `${ph.name}${ph.current ? ` ${L.current}` : ''}`, bold: ph.current },
        { text: `${d(ph.start)} – ${d(ph.end)}`, style: 'small' },
      ],
    },
    ...figures(ph.rollUp, ph.milestones),
  ]);
  const fns = data.functions.map((f) => [
    { stack: [f.name, ...(f.owner ? [{ text: f.owner, style: 'small' }] : [])] },
    ...figures(f.rollUp, f.milestones),
  ]);
  const head = [L.progress, L.expected, L.health, L.done, L.overdue, L.milestonesAchieved];
  const widths = ['*', 52, 46, 58, 48, 46, 52];
  return [
    h1(L.byPhase),
    table(widths, [`${L.phase} (${L.period.toLowerCase()})`, ...head], phases),
    h1(L.byFunction),
    table(widths, [`${L.fn} (${L.owner.toLowerCase()})`, ...head], fns),
  ];
}

const kind = (L: ReportLabels, i: Pick<ReportItem, 'type'>) => (i.type === 'action' ? L.action : L.milestone);

function achievedSection(data: ReportData, L: ReportLabels): Node[] {
  const d = (x: string) => formatDay(data.lang, x);
  const from =
    data.sinceFrom === 'meeting' && data.lastMeeting
      ? L.sinceMeeting(`${data.lastMeeting.instanceName}, ${d(data.lastMeeting.date)}`)
      : data.sinceFrom === 'default'
        ? L.sinceDefault
        : L.sinceAsked;
  const { items, total } = data.achieved;
  return [
    h1(L.achievedSince(d(data.since))),
    note(from),
    ...(items.length
      ? [
          table(
            ['*', 110, 55, 65],
            [L.item, L.fn, L.type, L.achievedOn],
            items.map((i) => [i.title, i.functionName, kind(L, i), d(i.achievedOn)]),
          ),
        ]
      : [note(L.noneAchieved)]),
    ...more(L, total, items.length),
  ];
}

function lateSection(data: ReportData, L: ReportLabels): Node[] {
  const d = (x: string) => formatDay(data.lang, x);
  const { items, total } = data.late;
  const rows = items.map((i) => [
    {
      stack: [
        { text: i.title, bold: true },
        { text: `${kind(L, i)} — ${i.functionName}${i.owner ? ` — ${i.owner}` : ''}`, style: 'small' },
      ],
    },
    d(i.date),
    num(L.days(i.daysLate)),
    i.lastComment
      ? {
          stack: [
            i.lastComment.text,
            { text: `${d(i.lastComment.on)}${i.lastComment.by ? ` — ${i.lastComment.by}` : ''}`, style: 'small' },
          ],
        }
      : { text: L.noComment, italics: true },
  ]);
  return [
    h1(L.late),
    note(L.lateIntro),
    ...(items.length ? [table(['*', 60, 40, '*'], [L.item, L.due, L.daysLate, L.lastComment], rows)] : [note(L.noneLate)]),
    ...more(L, total, items.length),
  ];
}

function slipsSection(data: ReportData, L: ReportLabels): Node[] {
  const s = data.slips;
  if (!s) return [h1(L.slips), note(L.noBaseline)];
  const d = (x: string) => formatDay(data.lang, x);
  const signed = (n: number) => (n > 0 ? `+${L.days(n)}` : `−${L.days(-n)}`);
  const summary = (list: typeof s.functions, title: string, label: string) => [
    { text: title, style: 'h2' },
    table(
      ['*', 55, 55, 55, 55, 50, 55],
      [label, L.compared, L.slipped, L.totalDays, L.maxDays, L.added, L.deleted],
      list.map((x) => [
        x.name,
        num(x.compared),
        num(x.slipped),
        num(L.days(x.totalDays)),
        num(L.days(x.maxDays)),
        num(x.added),
        num(x.deleted),
      ]),
    ),
  ];
  return [
    h1(L.slips),
    note(L.slipsOf(s.baseline.number, s.baseline.label) + (s.baseline.decision ? ` — ${L.approvedBy(s.baseline.decision)}` : '')),
    ...(s.items.items.length
      ? [
          table(
            ['*', 100, 60, 60, 50],
            [L.item, L.fn, L.slipBaseline, L.slipCurrent, L.slip],
            s.items.items.map((i) => [i.title, i.functionName, d(i.baselineDue), d(i.currentDue), num(signed(i.slipDays))]),
          ),
        ]
      : [note(L.noSlip)]),
    ...more(L, s.items.total, s.items.items.length),
    ...summary(s.phases, L.slipsByPhase, L.phase),
    ...summary(s.functions, L.slipsByFunction, L.fn),
  ];
}

function decisionsSection(data: ReportData, L: ReportLabels): Node[] {
  const d = (x: string) => formatDay(data.lang, x);
  const meetingLine = (m: NonNullable<ReportData['lastMeeting']>) => `${m.instanceName}, ${d(m.date)}${m.title ? ` — ${m.title}` : ''}`;
  const around = [
    ...(data.lastMeeting ? [note(L.lastMeeting(meetingLine(data.lastMeeting)))] : []),
    ...(data.nextMeeting ? [note(L.nextMeeting(meetingLine(data.nextMeeting)))] : []),
  ];
  if (!data.decisions) return [h1(L.decisions), note(L.decisionsUnavailable)];
  const { items, total } = data.decisions;
  const rows = items.map((x) => [
    d(x.date),
    decisionKindLabel(data.lang, x.kind),
    { stack: [x.text, ...(x.items.length ? [{ text: L.linkedItems(x.items.join(' ; ')), style: 'small' }] : [])] },
    x.meeting ? `${x.meeting.instanceName}, ${d(x.meeting.date)}` : L.outsideMeeting,
  ]);
  return [
    h1(L.decisions),
    ...around,
    ...(items.length ? [table([60, 75, '*', 110], [L.date, L.kind, L.decision, L.meeting], rows)] : [note(L.noDecision)]),
    ...more(L, total, items.length),
  ];
}

function nextQuarterSection(data: ReportData, L: ReportLabels): Node[] {
  const d = (x: string) => formatDay(data.lang, x);
  const q = data.nextQuarter;
  return [
    h1(L.nextQuarter),
    note(L.nextQuarterIntro(d(q.from), d(q.until))),
    ...(q.items.length
      ? [
          table(
            [60, '*', 120, 60],
            [L.date, L.milestone, L.fn, L.state],
            q.items.map((i) => [d(i.date), i.title, i.functionName, stateLabel(data.lang, i.state)]),
          ),
        ]
      : [note(L.noMilestone)]),
    ...more(L, q.total, q.items.length),
  ];
}

function drawings(data: ReportData, L: ReportLabels, width: number): Node[] {
  const curve = data.sCurve
    ? [h1(L.sCurve), note(L.sCurveIntro), { svg: sCurveSvg(data.sCurve, data.lang), width: Math.min(width, 720), margin: [0, 4, 0, 12] }]
    : [h1(L.sCurve), note(L.sCurveUnavailable)];
  const map = data.actors;
  if (!map) return [...curve, h1(L.actorsMap), note(L.noActors)];
  const groups = new Map<string, string[]>((['leaders', 'median', 'peu-impliques'] as const).map((g) => [groupLabel(data.lang, g), []]));
  for (const a of map.actors) {
    const g = a.group ? groupLabel(data.lang, a.group) : L.noGroup;
    groups.set(g, [...(groups.get(g) ?? []), `${a.name} (${kindLabel(data.lang, a.kind)}, ${a.maturity}/${a.ambition})`]);
  }
  const list = table(
    [90, '*'],
    [L.group, L.actor],
    [...groups]
      .filter(([, names]) => names.length)
      .map(([g, names]) => [{ text: `${g} (${names.length})`, bold: true }, names.join(' ; ')]),
  );
  return [
    ...curve,
    { ...(h1(L.actorsMap) as object), pageBreak: 'before' },
    note(L.actorsIntro(formatDay(data.lang, map.on))),
    { svg: actorsMapSvg(map, data.lang), width: Math.min(width, 360), margin: [0, 4, 0, 8] },
    list,
  ];
}

/** The document's definition: cover, then the sections in the order of the specification. */
export function reportDocument(data: ReportData, paper: ReportPaper): Record<string, unknown> {
  const L = REPORT_LABELS[data.lang];
  const page = PAPER[paper];
  const footerText = `${data.roadmap.territory} — ${L.situationAt(formatDay(data.lang, data.at))}`;
  return {
    pageSize: page.pageSize,
    pageOrientation: page.pageOrientation,
    pageMargins: [40, 40, 40, 50],
    language: data.lang === 'en' ? 'en' : 'fr-FR',
    info: { title: `${L.title} — ${data.roadmap.territory}`, author: 'Jalons', subject: L.situationAt(formatDay(data.lang, data.at)) },
    defaultStyle: { font: 'Roboto', fontSize: paper === 'a3' ? 10 : 9, color: '#1c2430' },
    styles: {
      cover: { fontSize: 30, bold: true, color: '#1f3a68' },
      h1: { fontSize: 15, bold: true, color: '#1f3a68', margin: [0, 14, 0, 4] },
      h2: { fontSize: 11, bold: true, margin: [0, 8, 0, 2] },
      th: { bold: true, fillColor: '#eef3fb' },
      note: { color: '#4a5566', margin: [0, 0, 0, 4] },
      small: { fontSize: 8, color: '#4a5566' },
    },
    footer: (current: number, count: number) => ({
      columns: [
        { text: footerText, alignment: 'left' },
        { text: L.page(current, count), alignment: 'right' },
      ],
      margin: [40, 16, 40, 0],
      fontSize: 8,
      color: '#4a5566',
    }),
    content: [
      ...cover(data, L),
      ...headlineSection(data, L),
      ...progressSections(data, L),
      ...achievedSection(data, L),
      ...lateSection(data, L),
      ...slipsSection(data, L),
      ...decisionsSection(data, L),
      ...nextQuarterSection(data, L),
      ...drawings(data, L, page.width),
    ],
  };
}

/** The PDF's bytes. */
export async function reportPdf(data: ReportData, paper: ReportPaper): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(reportDocument(data, paper)).getBuffer();
}
