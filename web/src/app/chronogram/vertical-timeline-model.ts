import type { ChronogramView } from '@jalons/contract';
import type { ActionStatus, Health, IsoDate, MilestoneState } from '@jalons/domain';
import { itemHealth } from '@jalons/domain';

import { compareText } from '../i18n/format';

/**
 * What the phone's vertical timeline shows, computed from the chronogram's one call (no other
 * request): the phases in order with their milestones in date order and « today » among them, then
 * each function's actions. Pure: the component only draws it.
 */

export interface TimelineMilestone {
  kind: 'milestone';
  id: string;
  title: string;
  date: IsoDate;
  state: MilestoneState;
  functionName: string;
  color: string;
}

export interface TimelineToday {
  kind: 'today';
  date: IsoDate;
}

export type TimelineEntry = TimelineMilestone | TimelineToday;

export interface TimelinePhase {
  id: string;
  name: string;
  start: IsoDate;
  end: IsoDate;
  /** the phase holding the reference day */
  current: boolean;
  /** its milestones by date, with « today » in its place when the day falls in this phase */
  entries: TimelineEntry[];
}

export interface TimelineAction {
  id: string;
  title: string;
  start: IsoDate;
  due: IsoDate;
  status: ActionStatus;
  progress: number;
  /** null for an abandoned action */
  health: Health | null;
}

export interface TimelineFunction {
  id: string;
  name: string;
  color: string;
  actions: TimelineAction[];
  done: number;
  late: number;
}

export interface Timeline {
  at: IsoDate;
  /** « today » falls before the first phase / after the last one */
  todayBefore: boolean;
  todayAfter: boolean;
  phases: TimelinePhase[];
  functions: TimelineFunction[];
}

/** The phase a day belongs to: the one holding it, else the last one started before it, else the first. */
function phaseIndexOf(phases: ReadonlyArray<{ start: IsoDate; end: IsoDate }>, day: IsoDate): number {
  let index = 0;
  phases.forEach((p, i) => {
    if (p.start <= day) index = i;
  });
  return index;
}

const byDateThenTitle = (a: TimelineMilestone, b: TimelineMilestone): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : compareText(a.title, b.title);

export function buildTimeline(view: ChronogramView): Timeline {
  const at = view.roadmap.at;
  const phases = [...view.roadmap.phases].sort((a, b) => a.order - b.order);
  const functionsById = new Map(view.functions.map((f) => [f.id, f]));
  const first = phases[0];
  const last = phases[phases.length - 1];
  const todayBefore = !!first && at < first.start;
  const todayAfter = !!last && at > last.end;

  const milestones: TimelineMilestone[] = view.milestones
    .map((m) => ({
      kind: 'milestone' as const,
      id: m.id,
      title: m.title,
      date: m.date,
      state: m.state,
      functionName: functionsById.get(m.functionId)?.name ?? '',
      color: functionsById.get(m.functionId)?.color ?? 'currentColor',
    }))
    .sort(byDateThenTitle);

  const entries: TimelineEntry[][] = phases.map(() => []);
  for (const m of milestones) {
    if (phases.length > 0) entries[phaseIndexOf(phases, m.date)].push(m);
  }
  const todayPhase = phases.length > 0 && !todayBefore && !todayAfter ? phaseIndexOf(phases, at) : -1;
  if (todayPhase >= 0) {
    // before the milestones of the day itself: « today » then what falls due today
    const list = entries[todayPhase];
    const index = list.findIndex((e) => e.date >= at);
    list.splice(index < 0 ? list.length : index, 0, { kind: 'today', date: at });
  }

  return {
    at,
    todayBefore,
    todayAfter,
    phases: phases.map((p, i) => ({
      id: p.id,
      name: p.name,
      start: p.start,
      end: p.end,
      current: p.id === view.roadmap.currentPhaseId,
      entries: entries[i],
    })),
    functions: [...view.functions]
      .sort((a, b) => a.order - b.order)
      .map((f) => {
        const actions: TimelineAction[] = view.actions
          .filter((a) => a.functionId === f.id)
          .map((a) => ({
            id: a.id,
            title: a.title,
            start: a.start,
            due: a.due,
            status: a.status,
            progress: a.progress,
            health: itemHealth(a, at),
          }))
          .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
        return {
          id: f.id,
          name: f.name,
          color: f.color,
          actions,
          done: actions.filter((a) => a.status === 'terminee').length,
          late: actions.filter((a) => a.health === 'late').length,
        };
      }),
  };
}
