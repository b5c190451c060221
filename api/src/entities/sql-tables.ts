/**
 * The tables written and read with plain SQL only (ADR 0012): no entity class, their shape is their
 * migrations', their queries live in their feature's `*.queries.ts` (each tested), and MikroORM's
 * schema tools leave them alone (`schemaGenerator.skipTables`). What each holds, and why so:
 */
export const SQL_TABLES: Readonly<Record<string, string>> = {
  session:
    'A signed-in browser. The cookie carries a random token; only its SHA-256 is stored, so a copy of the table opens no session. ' +
    'Ends after the idle time without a request or at expires_at; carries the anti-CSRF token bound to it (auth/sessions.queries.ts).',
  account_token:
    'A one-time link sent by e-mail (invitation, password reset): stored as SHA-256, expiring, used once (auth/auth.queries.ts).',
  login_throttle:
    "Sign-in attempts counted per key ('email:…', 'ip:…', 'reset:…') over a fixed window, in the database so that every instance " +
    'shares the count (auth/throttle.queries.ts).',
  notification:
    'One reminder for one person about one item: the (person, item, rule, occurrence) key is unique, so whoever runs the job, however ' +
    'often, a reminder exists once. occurrence names the due date and the day offset (a re-planned item is reminded again for its ' +
    'new date). Shown in the app (the bell) and, unless the person chose no e-mail, listed in one digest (reminders/notifications.queries.ts).',
  outbox:
    'An e-mail to send, recorded before it is sent (the outbox pattern). key is unique (one digest per person and day). Senders claim ' +
    'rows with FOR UPDATE SKIP LOCKED and a lease (locked_until): a process that dies mid-batch leaves rows that another picks up ' +
    'when the lease ends (reminders/outbox.queries.ts).',
  reminder_run: "One run of the reminder job, for the administrator's page (reminders/reminders.queries.ts).",
  calendar_feed: "A secret, revocable calendar address (iCalendar): only the token's SHA-256 is kept (calendars/calendars.queries.ts).",
  deleted_item:
    'The Corbeille: a deleted action or milestone, kept 90 days with a snapshot of its row and of its dependency edges both ways, ' +
    'written in the deleting transaction and taken back by a restore (same id); older entries are purged at each deletion (trash/trash.queries.ts).',
  actor:
    "A roadmap's actor of the diagnostic (direction, operator, partner, expert): its référent·e, when it was met, its needs and data, " +
    'a group chosen by hand with its reason; the name is unique per roadmap (case-insensitive); version checked in the one UPDATE ' +
    '(actors/actors.queries.ts, docs/diagnostic.md).',
  assessment: "An actor's dated maturity and ambition (1 to 5), optionally by axis; one per actor and day (actors/actors.queries.ts).",
  action_actor:
    'The actors an action targets; goes with the action or the actor (cascade), not restored by the Corbeille (actors/actors.queries.ts).',
  diagnostic_target:
    "The lead's target for one of the study's figures: a value and the day it should be reached (actors/actors.queries.ts).",
  indicator:
    "What a function measures: a line from a baseline (day, value) to a target (a later day, a value on the direction's side); " +
    'goes with its function (cascade); its row is locked and its version checked in the one UPDATE (indicators/indicators.queries.ts, docs/indicators.md).',
  measurement:
    "An indicator's value on one day (one per day), with a comment, a source link and who recorded it (indicators/indicators.queries.ts).",
  evidence:
    'A link proving an action, a milestone or a decision (title, http(s) address, kind, who added it and when); exactly one item column is set; ' +
    'goes with its item (cascade), not restored by the Corbeille (evidence/evidence.queries.ts, docs/evidence.md).',
  baseline:
    "A roadmap's plan frozen by the lead: a number (1, 2, … per roadmap), a label, the decision that approved it; never updated, " +
    'only the latest may be deleted (baselines/baselines.queries.ts, ADR 0017).',
  baseline_item:
    "One action's or milestone's dates, function, phase and title in a baseline, written with the baseline by one statement " +
    '(baselines/baselines.queries.ts).',
  governance_instance:
    "A roadmap's governance body (comité de pilotage, comité technique, instance éthique): a name unique per roadmap (case-insensitive), " +
    'a description; cannot be deleted while it has meetings (governance/governance.queries.ts, ADR 0019).',
  meeting:
    "A meeting of an instance: its day, a title, the minutes; the instance is of the meeting's roadmap (composite foreign key); " +
    'version checked in the one UPDATE; its decisions outlive it (meeting_id set null) (governance/governance.queries.ts).',
  meeting_attendee:
    "Who attended a meeting, in order: an account (its name copied, kept if the account goes) or a free name; rewritten whole with the meeting's list " +
    '(governance/governance.queries.ts).',
  agenda_item:
    "A meeting's agenda item, in order: a label and optionally the action or milestone it is about (the link dropped with the item) " +
    '(governance/governance.queries.ts).',
  decision:
    'A decision of a roadmap (validation, replanification, arbitrage, budget): its day, its text, the meeting that took it (null once ' +
    'that meeting is deleted); cited by baselines and re-plans (governance/governance.queries.ts, ADR 0019).',
  decision_item:
    'The actions and milestones a decision is about (one of the two per row, each once); goes with the decision or the item ' +
    '(governance/governance.queries.ts).',
};
