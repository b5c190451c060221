import type {
  FunctionWithRollUpView,
  IndicatorView,
  MilestoneView,
  PublicIndicatorView,
  PublicRoadmapView,
  PublicSlipsView,
  PublicSlipSummaryView,
  RoadmapDetailView,
} from '@jalons/contract';
import { compareToBaseline, headline, slipSummaries, todayInParis } from '@jalons/domain';
import type { PlannedItem, SlipSummary } from '@jalons/domain';

import type { BaselineRow, PlannedItemRow } from '../baselines';

/*
 * The public page's answer, built field by field from the internal views (pure functions): every
 * field is named here, so a field added to an internal view (an owner, a comment, an author) never
 * reaches the public unless someone writes it below.
 */

/** The latest baseline and its items, with today's plan, when the roadmap has one. */
export interface PublicPlans {
  baseline: BaselineRow;
  frozen: readonly PlannedItemRow[];
  current: readonly PlannedItemRow[];
}

export interface PublicSources {
  roadmap: RoadmapDetailView;
  functions: readonly FunctionWithRollUpView[];
  milestones: readonly MilestoneView[];
  indicators: readonly IndicatorView[];
  plans: PublicPlans | null;
}

const planned = (r: PlannedItemRow): PlannedItem => ({
  type: r.item_type,
  id: r.item_id,
  functionId: r.function_id,
  phaseId: r.phase_id,
  title: r.title,
  start: r.start,
  due: r.due,
});

const round1 = (x: number) => Math.round(x * 10) / 10;

function summaryOf(s: Pick<SlipSummary, 'compared' | 'slipped' | 'totalDays'>): PublicSlipSummaryView {
  return { compared: s.compared, slipped: s.slipped, totalDays: s.totalDays, meanDays: s.slipped ? round1(s.totalDays / s.slipped) : 0 };
}

/** The slips of today's plan against the latest baseline (ADR 0017), by function and item; no owner, no author. */
export function publicSlips(plans: PublicPlans, fnCode: ReadonlyMap<string, string>): PublicSlipsView {
  const compared = compareToBaseline(plans.frozen.map(planned), plans.current.map(planned));
  const codes = [...fnCode.keys()];
  const byFunction = slipSummaries(compared, codes, (s) => s.functionId);
  const [all] = slipSummaries(compared, ['all'], () => 'all');
  const items = compared
    .flatMap((s) =>
      s.state === 'planned' && s.baseline && s.current && s.slipDays
        ? [
            {
              type: s.type,
              id: s.id,
              title: s.title,
              functionCode: fnCode.get(s.functionId) ?? '',
              baselineDue: s.baseline.due,
              currentDue: s.current.due,
              slipDays: s.slipDays,
            },
          ]
        : [],
    )
    .sort((a, b) => b.slipDays - a.slipDays || a.title.localeCompare(b.title, 'fr'));
  return {
    baseline: { number: plans.baseline.number, label: plans.baseline.label, on: todayInParis(new Date(plans.baseline.created_at)) },
    ...summaryOf(all),
    functions: byFunction.map((s) => ({ functionCode: fnCode.get(s.key) ?? '', ...summaryOf(s) })),
    items,
  };
}

function publicIndicator(i: IndicatorView, fnCode: ReadonlyMap<string, string>): PublicIndicatorView {
  return {
    id: i.id,
    name: i.name,
    functionCode: fnCode.get(i.functionId) ?? '',
    unit: i.unit,
    direction: i.direction,
    baseline: { on: i.baseline.on, value: i.baseline.value },
    target: { on: i.target.on, value: i.target.value },
    latest: i.latest ? { on: i.latest.on, value: i.latest.value } : null,
    expected: i.expected,
    health: i.health,
  };
}

/** The whole public page of a roadmap from the internal views. */
export function publicRoadmapView({ roadmap: r, functions, milestones, indicators, plans }: PublicSources): PublicRoadmapView {
  const phaseCode = new Map(r.phases.map((p) => [p.id, p.code as string]));
  const fnCode = new Map(functions.map((f) => [f.id, f.code as string]));
  const current = r.phases.find((p) => p.id === r.currentPhaseId) ?? null;
  const head = headline({
    overall: r.rollUp,
    currentPhase: current ? { id: current.id, name: current.name, rollUp: current.rollUp } : null,
  });
  return {
    slug: r.slug,
    territory: r.territory,
    mandateLabel: r.mandateLabel,
    at: r.at,
    electionDates: r.electionDates,
    nextElectionDate: r.nextElectionDate,
    start: r.start,
    end: r.end,
    currentPhaseCode: current?.code ?? null,
    rollUp: r.rollUp,
    headline: {
      health: head.health,
      drivenBy: head.drivenBy,
      progress: r.rollUp.progress,
      expected: r.rollUp.expected,
      currentPhaseCode: current?.code ?? null,
    },
    phases: r.phases.map((p) => ({
      code: p.code,
      name: p.name,
      description: p.description,
      purpose: p.purpose ?? null,
      order: p.order,
      start: p.start,
      end: p.end,
      current: p.id === r.currentPhaseId,
      rollUp: p.rollUp,
    })),
    functions: functions.map((f) => ({
      code: f.code,
      name: f.name,
      description: f.description,
      central: f.central,
      color: f.color,
      rollUp: f.rollUp,
    })),
    milestones: milestones.map((m) => ({
      id: m.id,
      title: m.title,
      functionCode: fnCode.get(m.functionId) ?? '',
      phaseCode: phaseCode.get(m.phaseId) ?? null,
      date: m.date,
      achievedOn: m.achievedOn,
      state: m.state,
    })),
    indicators: indicators.map((i) => publicIndicator(i, fnCode)),
    slips: plans ? publicSlips(plans, fnCode) : null,
  };
}
