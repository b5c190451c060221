import type { DecisionView, InstanceView, LinkedItemView, MeetingSummaryView, MeetingView } from '@jalons/contract';

/** Test data for the governance pages: a comité de pilotage, its meeting of 25/06/2026, the plan's validation. */

export function anInstance(over: Partial<InstanceView> = {}): InstanceView {
  return { id: 'in-1', roadmapId: 'rm-1', name: 'Comité de pilotage', description: null, meetings: 1, ...over };
}

export function aLinkedItem(over: Partial<LinkedItemView> = {}): LinkedItemView {
  return { type: 'action', id: 'act-1', title: 'Rédiger la charte', functionId: 'fn-ethique', ...over };
}

export function aDecision(over: Partial<DecisionView> = {}): DecisionView {
  return {
    id: 'dec-1',
    roadmapId: 'rm-1',
    meetingId: 'mt-1',
    meeting: { id: 'mt-1', date: '2026-06-25', instanceName: 'Comité de pilotage' },
    date: '2026-06-25',
    kind: 'validation',
    text: 'Délibération du conseil du 25/06/2026 : le plan v1 est validé.',
    items: [],
    createdAt: '2026-06-25T16:00:00.000Z',
    createdBy: { id: 'p-1', name: 'Camille Le Goff' },
    ...over,
  };
}

export function aMeetingSummary(over: Partial<MeetingSummaryView> = {}): MeetingSummaryView {
  return {
    id: 'mt-1',
    instance: { id: 'in-1', name: 'Comité de pilotage' },
    date: '2026-06-25',
    title: 'Validation du plan',
    decisions: 1,
    ...over,
  };
}

export function aMeeting(over: Partial<MeetingView> = {}): MeetingView {
  return {
    id: 'mt-1',
    roadmapId: 'rm-1',
    instance: { id: 'in-1', name: 'Comité de pilotage' },
    date: '2026-06-25',
    title: 'Validation du plan',
    attendees: [
      { accountId: 'p-1', name: 'Camille Le Goff' },
      { accountId: null, name: 'Maïl Le Berre' },
    ],
    agenda: [
      { id: 'ag-1', label: 'La charte de la donnée', item: aLinkedItem() },
      { id: 'ag-2', label: 'Questions diverses', item: null },
    ],
    minutes: 'Le comité valide le plan.',
    decisions: [aDecision()],
    version: 1,
    ...over,
  };
}
