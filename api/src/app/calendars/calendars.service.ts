import { Inject, Injectable } from '@nestjs/common';
import type { CalendarFeedView, CalendarScope, CreateCalendarDto } from '@jalons/contract';
import ical, { ICalCalendarMethod } from 'ical-generator';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { ApiException } from '../../infra/http/errors';
import type { SignedIn } from '../auth';
import { randomToken, tokenHash } from '../auth';
import { CalendarsQueries } from './calendars.queries';

const STATUS: Record<string, string> = {
  a_lancer: 'à lancer',
  en_cours: 'en cours',
  bloquee: 'bloquée',
  terminee: 'terminée',
  abandonnee: 'abandonnée',
};

/**
 * Calendar feeds (iCalendar): the due dates of actions and the dates of milestones of a person,
 * a function or a roadmap, behind a secret address that its creator can revoke. Each item is an
 * all-day event with a stable UID, so calendars update it in place when it is re-planned.
 */
@Injectable()
export class CalendarsService {
  constructor(
    private readonly queries: CalendarsQueries,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
  ) {}

  async create(dto: CreateCalendarDto, who: SignedIn): Promise<CalendarFeedView> {
    const target = dto.scope === 'person' ? (dto.targetId ?? who.id) : dto.targetId;
    if (!target)
      throw ApiException.validation([{ field: 'targetId', message: 'targetId doit désigner la fonction ou la feuille de route suivie.' }]);
    // a personal feed is the signed-in account's own, whatever its role: an administrator follows someone else's
    // due dates through that person's functions, never through a feed named after them (issue #16)
    if (dto.scope === 'person' && target !== who.id) {
      throw ApiException.rule([
        {
          field: 'targetId',
          message:
            'Un calendrier personnel ne suit que vos propres échéances : retirez targetId, ou abonnez-vous plutôt à une fonction ou à la feuille de route.',
        },
      ]);
    }
    const label = (await this.label(dto.scope, target)).slice(0, 300);
    const token = randomToken();
    const row = await this.queries.insert({ tokenHash: tokenHash(token), accountId: who.id, scope: dto.scope, targetId: target, label });
    return { ...row, url: `${this.config.publicUrl}/api/calendars/feeds/${token}.ics` };
  }

  private async label(scope: CalendarScope, id: string): Promise<string> {
    const label = await this.queries.targetLabel(scope, id);
    if (label === undefined)
      throw ApiException.rule([
        {
          field: 'targetId',
          message: `Aucune ${scope === 'person' ? 'personne' : scope === 'function' ? 'fonction' : 'feuille de route'} ne porte cet identifiant.`,
        },
      ]);
    return `Jalons — ${label}`;
  }

  list(who: SignedIn): Promise<CalendarFeedView[]> {
    return this.queries.ofAccount(who.id);
  }

  async revoke(id: string, who: SignedIn): Promise<void> {
    if (!(await this.queries.revoke(id, who.id, who.role === 'admin'))) throw ApiException.notFound('Le calendrier', id);
  }

  /** The iCalendar text of a feed, or null when the token is unknown or revoked. */
  async feed(token: string): Promise<string | null> {
    // a deactivated account's addresses stop working with it (the query joins the active account)
    const feed = await this.queries.byToken(tokenHash(token));
    if (!feed) return null;
    const rows = await this.queries.events(feed.scope, feed.target_id);
    const cal = ical({
      name: feed.label,
      prodId: { company: 'Jalons', product: 'feuille-de-route', language: 'FR' },
      method: ICalCalendarMethod.PUBLISH,
      ttl: 3600,
    });
    for (const r of rows) {
      const url = `${this.config.publicUrl}/r/${r.roadmap_slug}/${r.kind === 'action' ? 'actions' : 'jalons'}/${r.id}`;
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
        // when what the event says last changed, not the request's time: the feed is a new instance (RFC 5545
        // 3.8.7.2) only when its data is, so a calendar polling hourly gets 304 with its ETag until then
        stamp: new Date(r.revised_at),
      });
    }
    return cal.toString();
  }
}
