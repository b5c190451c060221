import type {
  AccountView,
  ActionView,
  CalendarFeedView,
  ChronogramActionView,
  ChronogramMilestoneView,
  ChronogramView,
  FunctionWithRollUpView,
  HistoryEntryView,
  InvitationView,
  MilestoneView,
  NotificationView,
  PersonView,
  PhaseWithRollUpView,
  RecentChangeView,
  RemindersStatusView,
  RoadmapDetailView,
} from '@jalons/contract';
import type { RollUp } from '@jalons/domain';
import { DEFAULT_REMINDER_RULES } from '@jalons/domain';

/**
 * Test data shaped like the API's answers. The default roadmap spans 400 days, from 01/01/2024 to
 * 03/02/2025, with phases of 100, 50, 150 and 100 days; today (at) is in the second phase.
 */

export function aRollUp(overrides: Partial<RollUp> = {}): RollUp {
  return {
    count: 10,
    done: 4,
    overdue: 0,
    blocked: 0,
    progress: 40,
    expected: 45,
    health: 'on_track',
    ...overrides,
  };
}

export function aPerson(overrides: Partial<PersonView> = {}): PersonView {
  return {
    id: 'p-1',
    name: 'Camille Le Goff',
    email: 'camille@example.test',
    ...overrides,
  };
}

export function aPhase(overrides: Partial<PhaseWithRollUpView> = {}): PhaseWithRollUpView {
  return {
    id: 'phase-1',
    code: 'pre-electorale',
    name: 'Incubation pré-électorale',
    description: '',
    order: 1,
    start: '2024-01-01',
    end: '2024-04-09',
    rollUp: aRollUp(),
    milestones: { total: 2, achieved: 1, late: 0 },
    ...overrides,
  };
}

export function fourPhases(): PhaseWithRollUpView[] {
  return [
    aPhase({
      id: 'phase-1',
      code: 'pre-electorale',
      name: 'Incubation pré-électorale',
      order: 1,
      start: '2024-01-01',
      end: '2024-04-09',
      rollUp: aRollUp({ progress: 100, expected: 100, done: 10 }),
      milestones: { total: 2, achieved: 2, late: 0 },
    }),
    aPhase({
      id: 'phase-2',
      code: 'post-electorale',
      name: 'Incubation post-électorale',
      order: 2,
      start: '2024-04-10',
      end: '2024-05-29',
      rollUp: aRollUp({
        progress: 61.1,
        expected: 93,
        overdue: 5,
        blocked: 2,
        health: 'late',
      }),
      milestones: { total: 7, achieved: 4, late: 2 },
    }),
    aPhase({
      id: 'phase-3',
      code: 'emergence',
      name: 'Phase d’émergence',
      order: 3,
      start: '2024-05-30',
      end: '2024-10-26',
      rollUp: aRollUp({ progress: 0, expected: 0, done: 0 }),
      milestones: { total: 5, achieved: 0, late: 0 },
    }),
    aPhase({
      id: 'phase-4',
      code: 'maturation',
      name: 'Phase de maturation',
      order: 4,
      start: '2024-10-27',
      end: '2025-02-03',
      rollUp: aRollUp({ progress: 0, expected: 0, done: 0 }),
      milestones: { total: 3, achieved: 0, late: 0 },
    }),
  ];
}

export function aRoadmap(overrides: Partial<RoadmapDetailView> = {}): RoadmapDetailView {
  return {
    id: 'rm-1',
    slug: 'brest-2026-2032',
    territory: 'Ville et Métropole de Brest',
    mandateLabel: 'Mandat 2026–2032',
    electionDates: ['2024-04-10'],
    nextElectionDate: '2025-02-04',
    start: '2024-01-01',
    end: '2025-02-03',
    projectLead: aPerson(),
    publicPage: false,
    embedOrigins: [],
    reminderRules: {
      ...DEFAULT_REMINDER_RULES,
      before: [...DEFAULT_REMINDER_RULES.before],
    },
    version: 1,
    at: '2024-05-01',
    currentPhaseId: 'phase-2',
    phases: fourPhases(),
    rollUp: aRollUp({ progress: 48.2, expected: 70.4, health: 'at_risk' }),
    milestones: { total: 17, achieved: 6, late: 2 },
    ...overrides,
  };
}

export function aFunction(overrides: Partial<FunctionWithRollUpView> = {}): FunctionWithRollUpView {
  return {
    id: 'fn-ethique',
    code: 'ethique',
    name: 'Éthique',
    family: 'socle',
    central: false,
    description: '',
    volets: [],
    owner: aPerson({ id: 'p-2', name: 'Soizic Le Bihan' }),
    color: '#6a3d9a',
    order: 1,
    rollUp: aRollUp(),
    byPhase: {},
    milestones: { total: 2, achieved: 1, late: 0 },
    ...overrides,
  };
}

/** An action as the chronogram carries it: in the second phase, half done, owned by p-2. */
export function aChronogramAction(overrides: Partial<ChronogramActionView> = {}): ChronogramActionView {
  return {
    id: 'act-1',
    functionId: 'fn-ethique',
    phaseId: 'phase-2',
    title: 'Installer le comité d’éthique',
    volet: null,
    start: '2024-04-15',
    due: '2024-05-15',
    status: 'en_cours',
    progress: 50,
    ownerId: 'p-2',
    predecessorIds: [],
    version: 3,
    ...overrides,
  };
}

export function aChronogramMilestone(overrides: Partial<ChronogramMilestoneView> = {}): ChronogramMilestoneView {
  return {
    id: 'ms-1',
    functionId: 'fn-ethique',
    phaseId: 'phase-2',
    title: 'Comité d’éthique installé',
    date: '2024-05-20',
    achievedOn: null,
    ownerId: null,
    version: 2,
    state: 'upcoming',
    ...overrides,
  };
}

/** The whole roadmap's chronogram: one function (Éthique), one action, one milestone. */
export function aChronogram(overrides: Partial<ChronogramView> = {}): ChronogramView {
  return {
    roadmap: aRoadmap(),
    functions: [aFunction()],
    actions: [aChronogramAction()],
    milestones: [aChronogramMilestone()],
    dependencies: [],
    persons: [aPerson(), aPerson({ id: 'p-2', name: 'Soizic Le Bihan' })],
    ...overrides,
  };
}

/** GET /api/actions/:id */
export function anAction(overrides: Partial<ActionView> = {}): ActionView {
  return {
    id: 'act-1',
    roadmapId: 'rm-1',
    functionId: 'fn-ethique',
    phaseId: 'phase-2',
    kitKey: null,
    title: 'Installer le comité d’éthique',
    description: 'Réunir des personnalités indépendantes.',
    volet: null,
    start: '2024-04-15',
    due: '2024-05-15',
    status: 'en_cours',
    progress: 50,
    owner: aPerson({ id: 'p-2', name: 'Soizic Le Bihan' }),
    predecessorIds: [],
    version: 3,
    expected: 53.3,
    health: 'on_track',
    overdue: false,
    updatedAt: '2024-04-20T08:30:00.000Z',
    ...overrides,
  };
}

/** GET /api/milestones/:id */
export function aMilestone(overrides: Partial<MilestoneView> = {}): MilestoneView {
  return {
    id: 'ms-1',
    roadmapId: 'rm-1',
    functionId: 'fn-ethique',
    phaseId: 'phase-2',
    kitKey: null,
    title: 'Comité d’éthique installé',
    description: '',
    date: '2024-05-20',
    achievedOn: null,
    owner: null,
    version: 2,
    state: 'upcoming',
    updatedAt: '2024-04-20T08:30:00.000Z',
    ...overrides,
  };
}

export function aHistoryEntry(overrides: Partial<HistoryEntryView> = {}): HistoryEntryView {
  return {
    id: 'h-1',
    itemType: 'action',
    itemId: 'act-1',
    actor: null,
    at: '2024-04-20T08:30:00.000Z',
    field: 'status',
    from: 'a_lancer',
    to: 'en_cours',
    comment: null,
    ...overrides,
  };
}

/** GET /api/roadmaps/:id/changes — a line of the roadmap's recent changes. */
export function aRecentChange(overrides: Partial<RecentChangeView> = {}): RecentChangeView {
  return {
    ...aHistoryEntry(),
    itemTitle: 'Installer le comité d’éthique',
    ...overrides,
  };
}

/** GET /api/accounts — an active function owner of Éthique who has signed in before. */
export function anAccount(overrides: Partial<AccountView> = {}): AccountView {
  return {
    id: 'acc-soizic',
    name: 'Soizic Le Bihan',
    email: 'soizic@example.test',
    role: 'owner',
    active: true,
    functions: [{ id: 'fn-ethique', code: 'ethique', name: 'Éthique', roadmapId: 'rm-1' }],
    hasPassword: true,
    invitationExpiresAt: null,
    lastLoginAt: '2024-04-30T07:15:00.000Z',
    anonymisedAt: null,
    version: 2,
    ...overrides,
  };
}

/** POST /api/accounts — the invitation, e-mailed. */
export function anInvitation(overrides: Partial<InvitationView> = {}): InvitationView {
  return {
    account: anAccount({
      id: 'acc-new',
      name: 'Nolwenn Tanguy',
      email: 'nolwenn@example.test',
      role: 'elected',
      functions: [],
      hasPassword: false,
      invitationExpiresAt: '2099-01-10T09:00:00.000Z',
      lastLoginAt: null,
      version: 1,
    }),
    mailed: true,
    expiresAt: '2099-01-10T09:00:00.000Z',
    ...overrides,
  };
}

/** GET /api/notifications — an unread reminder, raised 7 days before an action's due date. */
export function aNotification(overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    id: 'n-1',
    roadmapId: 'rm-1',
    itemType: 'action',
    itemId: 'act-1',
    rule: 'before',
    dueDate: '2026-12-05',
    runDate: '2026-11-28',
    title: 'Installer le comité d’éthique',
    createdAt: '2026-11-28T06:30:00.000Z',
    readAt: null,
    ...overrides,
  };
}

/** GET /api/calendars — an active feed of one's own due dates (never with its address). */
export function aCalendarFeed(overrides: Partial<CalendarFeedView> = {}): CalendarFeedView {
  return {
    id: 'cal-1',
    scope: 'person',
    targetId: 'p-1',
    label: 'Jalons — Échéances de Camille Le Goff',
    createdAt: '2026-11-20T09:15:00.000Z',
    revokedAt: null,
    ...overrides,
  };
}

/** GET /api/admin/reminders — the job on at 7:30, SMTP set, one run, a failed e-mail. */
export function aRemindersStatus(overrides: Partial<RemindersStatusView> = {}): RemindersStatusView {
  return {
    enabled: true,
    cron: '30 7 * * *',
    smtpConfigured: true,
    runs: [
      {
        id: 'run-1',
        runDate: '2026-11-28',
        trigger: 'cron',
        startedAt: '2026-11-28T06:30:00.000Z',
        finishedAt: '2026-11-28T06:30:02.000Z',
        selected: 12,
        created: 5,
        digests: 3,
        error: null,
      },
    ],
    counts: { pending: 1, sending: 0, sent: 40, failed: 2 },
    problems: [
      {
        id: 'mail-1',
        to: 'soizic@example.test',
        subject: 'Jalons : vos rappels du 28/11/2026',
        status: 'failed',
        attempts: 5,
        lastError: '550 Mailbox unavailable',
        createdAt: '2026-11-28T06:30:02.000Z',
        nextAttemptAt: '2026-11-28T08:30:02.000Z',
        sentAt: null,
      },
    ],
    backlog: { pending: 1, oldestPendingAt: '2026-11-28T06:30:02.000Z', oldestPendingMinutes: 12, failed: 2, lastError: null },
    ...overrides,
  };
}
