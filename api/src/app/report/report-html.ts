import type { Health } from '@jalons/domain';
import type { ReportData, ReportItem } from '@jalons/contract';

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
 * The council report as one standalone web page (ADR 0021): no script, no outside resource, its
 * language declared, one h1 and a h2 per section, every table captioned with header cells scoped,
 * the drawings inline as SVG with their title and role="img". The same data and drawings as the PDF.
 */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
body{font-family:Roboto,system-ui,sans-serif;color:#1c2430;margin:0 auto;max-width:72rem;padding:1rem;line-height:1.45}
h1{color:#1f3a68;font-size:1.9rem;margin:.5rem 0}h2{color:#1f3a68;border-bottom:2px solid #d5dbe3;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem}.cover p{margin:.2rem 0}.note{color:#4a5566}.small{font-size:.85rem;color:#4a5566}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border-bottom:1px solid #d5dbe3;padding:.3rem .45rem;text-align:left;vertical-align:top}thead th{background:#eef3fb}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.health{display:inline-block;padding:0 .5rem;border:1px solid currentColor;border-radius:999px;font-weight:600;white-space:nowrap}
.health--on_track{background:#e3f1e6;color:#1b5e20}.health--at_risk{background:#fff1cc;color:#6d4c00}.health--late{background:#fbe3e1;color:#a4231a}
figure{margin:1rem 0}svg{max-width:100%;height:auto}
@media print{body{max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}`;

const health = (data: ReportData, h: Health) => `<span class="health health--${h}">${esc(healthLabel(data.lang, h))}</span>`;
const num = (v: string | number) => `<td class="num">${esc(String(v))}</td>`;
const td = (v: string) => `<td>${v}</td>`;
const note = (text: string) => `<p class="note">${esc(text)}</p>`;
const more = (L: ReportLabels, total: number, shown: number) => (total > shown ? `<p><em>${esc(L.andMore(total - shown))}</em></p>` : '');

/** A captioned table; `rows` are already HTML (each cell escaped by its maker). */
function table(caption: string, header: string[], rows: string[][]): string {
  const head = header.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.join('')}</tr>`).join('');
  return `<div class="scroll" role="region" aria-label="${esc(caption)}" tabindex="0"><table><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

const section = (id: string, title: string, body: string) =>
  `<section aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2>${body}</section>`;
const kind = (L: ReportLabels, i: Pick<ReportItem, 'type'>) => (i.type === 'action' ? L.action : L.milestone);

function cover(data: ReportData, L: ReportLabels): string {
  const d = (x: string) => formatDay(data.lang, x);
  return `<header class="cover"><h1>${esc(L.title)} — ${esc(data.roadmap.territory)}</h1>
<p>${esc(`${data.roadmap.mandateLabel} (${d(data.roadmap.start)} – ${d(data.roadmap.end)})`)}</p>
<p><strong>${esc(L.situationAt(d(data.at)))}</strong></p>
${data.roadmap.projectLead ? `<p>${esc(L.projectLead(data.roadmap.projectLead))}</p>` : ''}
<p class="small">${esc(L.generatedOn(d(data.generatedOn)))}</p></header>`;
}

function headlineAndProgress(data: ReportData, L: ReportLabels): string {
  const p = (n: number) => `${formatPercent(data.lang, n)} %`;
  const d = (x: string) => formatDay(data.lang, x);
  const { overall, currentPhase, drivenBy } = data.headline;
  const why = !currentPhase ? L.noCurrentPhase : drivenBy === 'currentPhase' ? L.drivenByPhase(currentPhase.name) : L.drivenByOverall;
  const lines = [[td(esc(L.overall)), num(p(overall.progress)), num(p(overall.expected)), td(health(data, overall.health))]];
  if (currentPhase) {
    const r = currentPhase.rollUp;
    lines.push([td(esc(L.currentPhase(currentPhase.name))), num(p(r.progress)), num(p(r.expected)), td(health(data, r.health))]);
  }
  const head = [L.progress, L.expected, L.health, L.done, L.overdue, L.milestonesAchieved];
  const figures = (r: ReportData['phases'][number]['rollUp'], m: ReportData['phases'][number]['milestones']) => [
    num(p(r.progress)),
    num(p(r.expected)),
    td(health(data, r.health)),
    num(`${r.done} / ${r.count}`),
    num(r.overdue),
    num(`${m.achieved} / ${m.total}`),
  ];
  return [
    section(
      'headline',
      L.headline,
      `<p><strong>${esc(L.headlineLine(''))}${health(data, data.headline.health)}</strong></p>${note(why)}` +
        table(L.headline, [L.scope, L.progress, L.expected, L.health], lines),
    ),
    section(
      'phases',
      L.byPhase,
      table(
        L.byPhase,
        [L.phase, L.period, ...head],
        data.phases.map((ph) => [
          `<th scope="row">${esc(ph.name)}${ph.current ? ` ${esc(L.current)}` : ''}</th>`,
          td(esc(`${d(ph.start)} – ${d(ph.end)}`)),
          ...figures(ph.rollUp, ph.milestones),
        ]),
      ),
    ),
    section(
      'functions',
      L.byFunction,
      table(
        L.byFunction,
        [L.fn, L.owner, ...head],
        data.functions.map((f) => [`<th scope="row">${esc(f.name)}</th>`, td(esc(f.owner ?? '')), ...figures(f.rollUp, f.milestones)]),
      ),
    ),
  ].join('');
}

function itemsSections(data: ReportData, L: ReportLabels): string {
  const d = (x: string) => formatDay(data.lang, x);
  const from =
    data.sinceFrom === 'meeting' && data.lastMeeting
      ? L.sinceMeeting(`${data.lastMeeting.instanceName}, ${d(data.lastMeeting.date)}`)
      : data.sinceFrom === 'default'
        ? L.sinceDefault
        : L.sinceAsked;
  const a = data.achieved;
  const achieved = a.items.length
    ? table(
        L.achievedSince(d(data.since)),
        [L.item, L.fn, L.type, L.achievedOn],
        a.items.map((i) => [td(esc(i.title)), td(esc(i.functionName)), td(esc(kind(L, i))), td(esc(d(i.achievedOn)))]),
      )
    : note(L.noneAchieved);
  const l = data.late;
  const late = l.items.length
    ? table(
        L.late,
        [L.item, L.due, L.daysLate, L.lastComment],
        l.items.map((i) => [
          td(
            `<strong>${esc(i.title)}</strong><br><span class="small">${esc(`${kind(L, i)} — ${i.functionName}${i.owner ? ` — ${i.owner}` : ''}`)}</span>`,
          ),
          td(esc(d(i.date))),
          num(L.days(i.daysLate)),
          td(
            i.lastComment
              ? `${esc(i.lastComment.text)}<br><span class="small">${esc(`${d(i.lastComment.on)}${i.lastComment.by ? ` — ${i.lastComment.by}` : ''}`)}</span>`
              : `<em>${esc(L.noComment)}</em>`,
          ),
        ]),
      )
    : note(L.noneLate);
  return (
    section('achieved', L.achievedSince(d(data.since)), note(from) + achieved + more(L, a.total, a.items.length)) +
    section('late', L.late, note(L.lateIntro) + late + more(L, l.total, l.items.length))
  );
}

function slipsSection(data: ReportData, L: ReportLabels): string {
  const s = data.slips;
  if (!s) return section('slips', L.slips, note(L.noBaseline));
  const d = (x: string) => formatDay(data.lang, x);
  const signed = (n: number) => (n > 0 ? `+${L.days(n)}` : `−${L.days(-n)}`);
  const summary = (list: typeof s.functions, title: string, label: string) =>
    `<h3>${esc(title)}</h3>` +
    table(
      title,
      [label, L.compared, L.slipped, L.totalDays, L.maxDays, L.added, L.deleted],
      list.map((x) => [
        `<th scope="row">${esc(x.name)}</th>`,
        num(x.compared),
        num(x.slipped),
        num(L.days(x.totalDays)),
        num(L.days(x.maxDays)),
        num(x.added),
        num(x.deleted),
      ]),
    );
  const items = s.items.items.length
    ? table(
        L.slips,
        [L.item, L.fn, L.slipBaseline, L.slipCurrent, L.slip],
        s.items.items.map((i) => [
          td(esc(i.title)),
          td(esc(i.functionName)),
          td(esc(d(i.baselineDue))),
          td(esc(d(i.currentDue))),
          num(signed(i.slipDays)),
        ]),
      )
    : note(L.noSlip);
  const heading = L.slipsOf(s.baseline.number, s.baseline.label) + (s.baseline.decision ? ` — ${L.approvedBy(s.baseline.decision)}` : '');
  return section(
    'slips',
    L.slips,
    note(heading) +
      items +
      more(L, s.items.total, s.items.items.length) +
      summary(s.phases, L.slipsByPhase, L.phase) +
      summary(s.functions, L.slipsByFunction, L.fn),
  );
}

function decisionsAndQuarter(data: ReportData, L: ReportLabels): string {
  const d = (x: string) => formatDay(data.lang, x);
  const meetingLine = (m: NonNullable<ReportData['lastMeeting']>) => `${m.instanceName}, ${d(m.date)}${m.title ? ` — ${m.title}` : ''}`;
  let decisions =
    (data.lastMeeting ? note(L.lastMeeting(meetingLine(data.lastMeeting))) : '') +
    (data.nextMeeting ? note(L.nextMeeting(meetingLine(data.nextMeeting))) : '');
  if (!data.decisions) decisions += note(L.decisionsUnavailable);
  else if (!data.decisions.items.length) decisions += note(L.noDecision);
  else {
    decisions += table(
      L.decisions,
      [L.date, L.kind, L.decision, L.meeting],
      data.decisions.items.map((x) => [
        td(esc(d(x.date))),
        td(esc(decisionKindLabel(data.lang, x.kind))),
        td(esc(x.text) + (x.items.length ? `<br><span class="small">${esc(L.linkedItems(x.items.join(' ; ')))}</span>` : '')),
        td(esc(x.meeting ? `${x.meeting.instanceName}, ${d(x.meeting.date)}` : L.outsideMeeting)),
      ]),
    );
    decisions += more(L, data.decisions.total, data.decisions.items.length);
  }
  const q = data.nextQuarter;
  const quarter = q.items.length
    ? table(
        L.nextQuarter,
        [L.date, L.milestone, L.fn, L.state],
        q.items.map((i) => [td(esc(d(i.date))), td(esc(i.title)), td(esc(i.functionName)), td(esc(stateLabel(data.lang, i.state)))]),
      )
    : note(L.noMilestone);
  return (
    section('decisions', L.decisions, decisions) +
    section('next-quarter', L.nextQuarter, note(L.nextQuarterIntro(d(q.from), d(q.until))) + quarter + more(L, q.total, q.items.length))
  );
}

function drawings(data: ReportData, L: ReportLabels): string {
  const curve = data.sCurve
    ? note(L.sCurveIntro) +
      `<figure>${sCurveSvg(data.sCurve, data.lang)}</figure>` +
      table(
        L.sCurve,
        [L.date, L.sCurveExpected, L.sCurveAchieved],
        data.sCurve.points.map((p) => [
          td(esc(formatDay(data.lang, p.date))),
          num(`${formatPercent(data.lang, p.expected)} %`),
          num(p.achieved === null ? '—' : `${formatPercent(data.lang, p.achieved)} %`),
        ]),
      )
    : note(L.sCurveUnavailable);
  const map = data.actors;
  const actors = map
    ? note(L.actorsIntro(formatDay(data.lang, map.on))) +
      `<figure>${actorsMapSvg(map, data.lang)}</figure>` +
      table(
        L.actorsMap,
        [L.actor, L.group, L.maturity, L.ambition],
        map.actors.map((a) => [
          `<th scope="row">${esc(a.name)} <span class="small">(${esc(kindLabel(data.lang, a.kind))})</span></th>`,
          td(esc(a.group ? groupLabel(data.lang, a.group) : L.noGroup)),
          num(a.maturity),
          num(a.ambition),
        ]),
      )
    : note(L.noActors);
  return section('s-curve', L.sCurve, curve) + section('actors', L.actorsMap, actors);
}

/** The whole page. */
export function reportHtml(data: ReportData): string {
  const L = REPORT_LABELS[data.lang];
  const title = `${L.title} — ${data.roadmap.territory} — ${L.situationAt(formatDay(data.lang, data.at))}`;
  return `<!doctype html>
<html lang="${data.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head>
<body>
${cover(data, L)}
<main>
${headlineAndProgress(data, L)}
${itemsSections(data, L)}
${slipsSection(data, L)}
${decisionsAndQuarter(data, L)}
${drawings(data, L)}
</main>
</body>
</html>
`;
}
