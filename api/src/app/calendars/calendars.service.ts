import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarFeedView, CalendarScope, CreateCalendarDto } from '@jalons/contract';
import ical, { ICalCalendarMethod } from 'ical-generator';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { ApiException } from '../../infra/http/errors';
import type { SignedIn } from '../auth';
import { randomToken, tokenHash } from '../auth';

const STATUS: Record<string, string> = {
  a_lancer: 'à lancer',
  en_cours: 'en cours',
  bloquee: 'bloquée',
  terminee: 'terminée',
  abandonnee: 'abandonnée',
};

interface EventRow {
  kind: 'action' | 'milestone';
  id: string;
  title: string;
  day: string;
  status: string | null;
  progress: number | null;
  achieved_on: string | null;
  function_name: string;
  territory: string;
}

const FEED_VIEW = `select id, scope, target_id as "targetId", label,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
  to_char(revoked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "revokedAt" from calendar_feed`;

/**
 * Calendar feeds (iCalendar): the due dates of actions and the dates of milestones of a person,
 * a function or a roadmap, behind a secret address that its creator can revoke. Each item is an
 * all-day event with a stable UID, so calendars update it in place when it is re-planned.
 */
@Injectable()
export class CalendarsService {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
  ) {}

  private get sql() {
    return this.em.getConnection();
  }

  async create(dto: CreateCalendarDto, who: SignedIn): Promise<CalendarFeedView> {
    const target = dto.scope === 'person' ? (dto.targetId ?? who.id) : dto.targetId;
    if (!target)
      throw ApiException.validation([{ field: 'targetId', message: 'targetId doit désigner la fonction ou la feuille de route suivie.' }]);
    if (dto.scope === 'person' && target !== who.id && who.role !== 'admin') {
      throw ApiException.rule([{ field: 'targetId', message: 'Un calendrier personnel ne suit que vos propres échéances.' }]);
    }
    const label = (await this.label(dto.scope, target)).slice(0, 300);
    const token = randomToken();
    const [row] = await this.sql.execute<CalendarFeedView[]>(
      `with f as (insert into calendar_feed (id, token_hash, account_id, scope, target_id, label, created_at) values (gen_random_uuid(), ?, ?, ?, ?, ?, now()) returning *)
       ${FEED_VIEW.replace('from calendar_feed', 'from f')}`,
      [tokenHash(token), who.id, dto.scope, target, label],
    );
    return { ...row, url: `${this.config.publicUrl}/api/calendars/feeds/${token}.ics` };
  }

  private async label(scope: CalendarScope, id: string): Promise<string> {
    const query =
      scope === 'person'
        ? `select 'Échéances de ' || name as label from account where id = ?`
        : scope === 'function'
          ? `select f.name || ' — ' || r.territory as label from target_function f join roadmap r on r.id = f.roadmap_id where f.id = ?`
          : `select r.territory || ' — ' || r.mandate_label as label from roadmap r where r.id = ?`;
    const [row] = await this.sql.execute<Array<{ label: string }>>(query, [id]);
    if (!row)
      throw ApiException.rule([
        {
          field: 'targetId',
          message: `Aucune ${scope === 'person' ? 'personne' : scope === 'function' ? 'fonction' : 'feuille de route'} ne porte cet identifiant.`,
        },
      ]);
    return `Jalons — ${row.label}`;
  }

  list(who: SignedIn): Promise<CalendarFeedView[]> {
    return this.sql.execute<CalendarFeedView[]>(`${FEED_VIEW} where account_id = ? order by revoked_at is not null, created_at desc`, [
      who.id,
    ]);
  }

  async revoke(id: string, who: SignedIn): Promise<void> {
    const rows = await this.sql.execute<Array<{ id: string }>>(
      `update calendar_feed set revoked_at = coalesce(revoked_at, now()) where id = ? and (account_id = ? or ?) returning id`,
      [id, who.id, who.role === 'admin'],
    );
    if (!rows.length) throw ApiException.notFound('Le calendrier', id);
  }

  /** The iCalendar text of a feed, or null when the token is unknown or revoked. */
  async feed(token: string): Promise<string | null> {
    const [feed] = await this.sql.execute<Array<{ scope: CalendarScope; target_id: string; label: string }>>(
      // a deactivated account's addresses stop working with it
      'select f.scope, f.target_id, f.label from calendar_feed f join account a on a.id = f.account_id and a.active where f.token_hash = ? and f.revoked_at is null',
      [tokenHash(token)],
    );
    if (!feed) return null;
    const where = feed.scope === 'roadmap' ? 'x.roadmap_id = ?' : feed.scope === 'function' ? 'x.function_id = ?' : 'x.owner_id = ?';
    const rows = await this.sql.execute<EventRow[]>(
      `select x.* from (
         select 'action' as kind, a.id, a.title, a.due_date::text as day, a.status, a.progress, null as achieved_on, f.name as function_name, r.territory,
                a.roadmap_id, a.function_id, coalesce(a.owner_id, f.owner_id) as owner_id
           from action a join target_function f on f.id = a.function_id join roadmap r on r.id = a.roadmap_id
          where a.status <> 'abandonnee'
         union all
         select 'milestone', m.id, m.title, m.milestone_date::text, null, null, m.achieved_on::text, f.name, r.territory, m.roadmap_id, m.function_id, f.owner_id
           from milestone m join target_function f on f.id = m.function_id join roadmap r on r.id = m.roadmap_id
       ) x where ${where} order by x.day, x.title`,
      [feed.target_id],
    );
    const cal = ical({
      name: feed.label,
      prodId: { company: 'Jalons', product: 'feuille-de-route', language: 'FR' },
      method: ICalCalendarMethod.PUBLISH,
      ttl: 3600,
    });
    for (const r of rows) {
      const url = `${this.config.publicUrl}/${r.kind === 'action' ? 'actions' : 'jalons'}/${r.id}`;
      const state =
        r.kind === 'action'
          ? `${STATUS[r.status!] ?? r.status}, ${r.progress} %`
          : r.achieved_on
            ? `atteint le ${r.achieved_on}`
            : 'à atteindre';
      cal.createEvent({
        id: `${r.kind}-${r.id}@jalons`,
        allDay: true,
        start: r.day,
        summary: `${r.kind === 'action' ? 'Échéance' : 'Jalon'} : ${r.title}`,
        description: `${r.function_name} — ${r.territory}\n${state}\n${url}`,
        url,
        stamp: new Date(),
      });
    }
    return cal.toString();
  }
}
