import { HttpStatus, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type {
  AgendaItemDto,
  AttendeeDto,
  CreateDecisionDto,
  CreateInstanceDto,
  CreateMeetingDto,
  DecisionView,
  InstanceView,
  LinkedItemDto,
  MeetingView,
  UpdateDecisionDto,
  UpdateInstanceDto,
  UpdateMeetingDto,
} from '@jalons/contract';
import type { ApiFieldError } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { DecisionQueries } from './decisions.queries';
import type { ItemRef } from './decisions.queries';
import { GovernanceQueries, instanceView } from './governance.queries';
import { InstanceQueries } from './instances.queries';
import type { InstanceRow } from './instances.queries';
import { MeetingQueries } from './meetings.queries';
import type { AgendaValues, AttendeeValues, MeetingRow } from './meetings.queries';

/** PostgreSQL's unique_violation (plain SQL errors reach us as the driver raises them). */
const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';

function nameTaken(name: string): ApiException {
  return new ApiException({
    statusCode: HttpStatus.CONFLICT,
    error: 'instance_name_taken',
    message: `Une instance s’appelle déjà « ${name} » dans cette feuille de route : choisissez un autre nom.`,
    errors: [{ field: 'name', message: 'Ce nom est déjà pris dans cette feuille de route.' }],
  });
}

const key = (r: ItemRef) => `${r.type}:${r.id}`;

/** The items named by a request that are not of the roadmap: one 422 naming each. */
function unknownItems(wanted: ReadonlyArray<ItemRef & { field: string }>, found: readonly ItemRef[]): ApiFieldError[] {
  const known = new Set(found.map(key));
  return wanted
    .filter((w) => !known.has(key(w)))
    .map((w) => ({
      field: w.field,
      message: `${w.type === 'action' ? 'Action inconnue' : 'Jalon inconnu'} dans cette feuille de route (${w.id}).`,
    }));
}

/** Governance writes (ADR 0019): the lead's, each in one transaction; the items, meetings and instances named are checked to be of the roadmap. */
@Injectable()
export class GovernanceService {
  constructor(
    private readonly em: EntityManager,
    private readonly instances: InstanceQueries,
    private readonly meetings: MeetingQueries,
    private readonly decisions: DecisionQueries,
    private readonly read: GovernanceQueries,
  ) {}

  async roadmap(roadmapId: string): Promise<void> {
    if (!(await this.instances.roadmapExists(roadmapId))) throw ApiException.notFound('La feuille de route', roadmapId);
  }

  // ------------------------------------------------------------ instances

  async listInstances(roadmapId: string): Promise<InstanceView[]> {
    await this.roadmap(roadmapId);
    return (await this.instances.list(roadmapId)).map(instanceView);
  }

  async createInstance(roadmapId: string, dto: CreateInstanceDto): Promise<InstanceView> {
    const id = await this.em.transactional(async (tx) => {
      if (!(await this.instances.roadmapExists(roadmapId, tx))) throw ApiException.notFound('La feuille de route', roadmapId);
      try {
        return await this.instances.insert(roadmapId, dto.name, dto.description || null, tx);
      } catch (e) {
        throw isUniqueViolation(e) ? nameTaken(dto.name) : e;
      }
    });
    return instanceView((await this.instances.one(id)) as InstanceRow);
  }

  async updateInstance(id: string, dto: UpdateInstanceDto): Promise<InstanceView> {
    await this.em.transactional(async (tx) => {
      const description = dto.description === undefined ? undefined : dto.description || null;
      try {
        if (!(await this.instances.update(id, dto.name, description, tx))) throw ApiException.notFound('L’instance', id);
      } catch (e) {
        throw isUniqueViolation(e) ? nameTaken(dto.name ?? '') : e;
      }
    });
    const row = await this.instances.one(id);
    if (!row) throw ApiException.notFound('L’instance', id);
    return instanceView(row);
  }

  /** Refused (409) while the instance has meetings: they would lose their instance. */
  async removeInstance(id: string): Promise<void> {
    await this.em.transactional(async (tx) => {
      const row = await this.instances.one(id, tx, true);
      if (!row) throw ApiException.notFound('L’instance', id);
      if (row.meetings > 0) {
        throw new ApiException({
          statusCode: HttpStatus.CONFLICT,
          error: 'instance_has_meetings',
          message: `L’instance « ${row.name} » a ${row.meetings} réunion${row.meetings > 1 ? 's' : ''} : supprimez-les ou rattachez-les à une autre instance avant de la supprimer.`,
        });
      }
      await this.instances.remove(id, tx);
    });
  }

  // ------------------------------------------------------------ meetings

  async createMeeting(roadmapId: string, dto: CreateMeetingDto, actorId: string | null): Promise<MeetingView> {
    const id = await this.em.transactional(async (tx) => {
      if (!(await this.instances.roadmapExists(roadmapId, tx))) throw ApiException.notFound('La feuille de route', roadmapId);
      const [attendees, agenda] = await this.checkMeeting(roadmapId, dto.instanceId, dto.attendees ?? [], dto.agenda ?? [], tx);
      const id = await this.meetings.insert(
        roadmapId,
        { instanceId: dto.instanceId, date: dto.date, title: dto.title || null, minutes: dto.minutes || null },
        actorId,
        tx,
      );
      await this.meetings.replaceAttendees(id, attendees, tx);
      await this.meetings.replaceAgenda(id, agenda, tx);
      return id;
    });
    return this.meetingView(id);
  }

  /** Only the fields sent change (a list sent replaces the list); the version read must still be the meeting's (409 otherwise). */
  async updateMeeting(id: string, dto: UpdateMeetingDto): Promise<MeetingView> {
    await this.em.transactional(async (tx) => {
      const row: MeetingRow | undefined = await this.meetings.one(id, tx, true);
      if (!row) throw ApiException.notFound('La réunion', id);
      if (row.version !== dto.version) throw ApiException.conflict(row.version, 'Cette réunion');
      const instanceId = dto.instanceId ?? row.instance_id;
      const [attendees, agenda] = await this.checkMeeting(row.roadmap_id, instanceId, dto.attendees ?? [], dto.agenda ?? [], tx);
      const values = {
        instanceId,
        date: dto.date ?? row.date,
        title: dto.title === undefined ? row.title : dto.title || null,
        minutes: dto.minutes === undefined ? row.minutes : dto.minutes || null,
      };
      if ((await this.meetings.update(id, dto.version, values, tx)) === undefined)
        throw ApiException.conflict(row.version, 'Cette réunion');
      if (dto.attendees) await this.meetings.replaceAttendees(id, attendees, tx);
      if (dto.agenda) await this.meetings.replaceAgenda(id, agenda, tx);
    });
    return this.meetingView(id);
  }

  /** Deletes a meeting; its decisions stay, without meeting (ADR 0019). */
  async removeMeeting(id: string): Promise<void> {
    await this.em.transactional(async (tx) => {
      if (!(await this.meetings.remove(id, tx))) throw ApiException.notFound('La réunion', id);
    });
  }

  async meetingView(id: string): Promise<MeetingView> {
    const view = await this.read.meeting(id);
    if (!view) throw ApiException.notFound('La réunion', id);
    return view;
  }

  /** The instance, the accounts and the items a meeting names, checked against the roadmap; its lists as rows. */
  private async checkMeeting(
    roadmapId: string,
    instanceId: string,
    attendees: readonly AttendeeDto[],
    agenda: readonly AgendaItemDto[],
    tx: EntityManager,
  ): Promise<[AttendeeValues[], AgendaValues[]]> {
    const errors: ApiFieldError[] = [];
    if (!(await this.decisions.isOf('governance_instance', instanceId, roadmapId, tx)))
      errors.push({ field: 'instanceId', message: 'Instance inconnue dans cette feuille de route.' });
    const accountIds = attendees.flatMap((a) => (a.accountId ? [a.accountId] : []));
    const names = new Map((await this.meetings.accountNames(accountIds, tx)).map((a) => [a.id, a.name]));
    attendees.forEach((a, i) => {
      if (a.accountId && !names.has(a.accountId))
        errors.push({ field: `attendees.${i}.accountId`, message: `Compte inconnu (${a.accountId}).` });
    });
    const linked: Array<ItemRef & { field: string }> = [];
    agenda.forEach((g, i) => {
      if (((g.itemType ?? null) === null) !== ((g.itemId ?? null) === null))
        errors.push({
          field: `agenda.${i}.itemId`,
          message: 'Un point lié à un élément donne son type (itemType) et son identifiant (itemId).',
        });
      else if (g.itemType && g.itemId) linked.push({ type: g.itemType, id: g.itemId, field: `agenda.${i}.itemId` });
    });
    errors.push(...unknownItems(linked, await this.decisions.itemsOf(roadmapId, linked, tx)));
    if (errors.length) throw ApiException.rule(errors);
    return [
      attendees.map((a) => ({ accountId: a.accountId ?? null, name: a.accountId ? (names.get(a.accountId) ?? '') : (a.name ?? '') })),
      agenda.map((g) => ({ label: g.label, itemType: g.itemType ?? null, itemId: g.itemId ?? null })),
    ];
  }

  // ------------------------------------------------------------ decisions

  async listDecisions(roadmapId: string, filter: { since?: string; until?: string; itemId?: string }): Promise<DecisionView[]> {
    await this.roadmap(roadmapId);
    return this.read.decisions(roadmapId, filter);
  }

  async createDecision(roadmapId: string, dto: CreateDecisionDto, actorId: string | null): Promise<DecisionView> {
    const id = await this.em.transactional(async (tx) => {
      if (!(await this.instances.roadmapExists(roadmapId, tx))) throw ApiException.notFound('La feuille de route', roadmapId);
      const items = await this.checkDecision(roadmapId, dto.meetingId ?? null, dto.items ?? [], tx);
      const id = await this.decisions.insert(
        roadmapId,
        { meetingId: dto.meetingId ?? null, date: dto.date, kind: dto.kind, text: dto.text },
        actorId,
        tx,
      );
      await this.decisions.addItems(id, items, tx);
      return id;
    });
    return this.decisionView(id);
  }

  /** Only the fields sent change; `meetingId` null unlinks it from its meeting; `items` sent replace its items. */
  async updateDecision(id: string, dto: UpdateDecisionDto): Promise<DecisionView> {
    await this.em.transactional(async (tx) => {
      const row = await this.decisions.one(id, tx, true);
      if (!row) throw ApiException.notFound('La décision', id);
      const meetingId = dto.meetingId === undefined ? row.meeting_id : dto.meetingId;
      const items = await this.checkDecision(row.roadmap_id, dto.meetingId ?? null, dto.items ?? [], tx);
      await this.decisions.update(
        id,
        { meetingId, date: dto.date ?? row.date, kind: dto.kind ?? row.kind, text: dto.text ?? row.text },
        tx,
      );
      if (dto.items) {
        await this.decisions.clearItems(id, tx);
        await this.decisions.addItems(id, items, tx);
      }
    });
    return this.decisionView(id);
  }

  async removeDecision(id: string): Promise<void> {
    await this.em.transactional(async (tx) => {
      if (!(await this.decisions.remove(id, tx))) throw ApiException.notFound('La décision', id);
    });
  }

  async decisionView(id: string): Promise<DecisionView> {
    const view = await this.read.decision(id);
    if (!view) throw ApiException.notFound('La décision', id);
    return view;
  }

  /** The meeting (when one is named) and the items a decision names, checked against the roadmap; the items once each. */
  private async checkDecision(
    roadmapId: string,
    meetingId: string | null,
    items: readonly LinkedItemDto[],
    tx: EntityManager,
  ): Promise<ItemRef[]> {
    const errors: ApiFieldError[] = [];
    if (meetingId && !(await this.decisions.isOf('meeting', meetingId, roadmapId, tx)))
      errors.push({ field: 'meetingId', message: 'Réunion inconnue dans cette feuille de route.' });
    const seen = new Set<string>();
    const wanted = items
      .map((it, i) => ({ type: it.type, id: it.id, field: `items.${i}.id` }))
      .filter((w) => !seen.has(key(w)) && !!seen.add(key(w)));
    errors.push(...unknownItems(wanted, await this.decisions.itemsOf(roadmapId, wanted, tx)));
    if (errors.length) throw ApiException.rule(errors);
    return wanted.map(({ type, id }) => ({ type, id }));
  }
}
