import type { CalendarFeedView, CalendarScope, CreateCalendarDto, FunctionWithRollUpView, RoadmapSummaryView } from '@jalons/contract';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Observable, map, of, switchMap } from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import { CalendarsService } from '../data/calendars.service';
import { CurrentRoadmap } from '../data/current-roadmap';
import { RoadmapsService } from '../data/roadmaps.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { formatParisDay } from '../shared/paris-time';
import { DataTable } from '../shared/data-table';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError } from '../shared/form-errors';
import { FormErrorList } from '../shared/form-status';
import { loadable } from '../shared/loadable';
import { FORM_FIELD } from '../shared/form-field';

/** What a feed may follow besides one's own due dates: the roadmap in view and its functions. */
interface Targets {
  roadmap: RoadmapSummaryView | null;
  functions: FunctionWithRollUpView[];
}

interface FeedRow {
  feed: CalendarFeedView;
  created: string;
  state: string;
  active: boolean;
}

const FORM_FIELDS = ['targetId'] as const;

/**
 * « Calendriers » on the account page: secret iCalendar addresses an agenda subscribes to (one's
 * due dates, a function's, or the whole roadmap's). The address is shown once, when created; a
 * feed can be revoked, after which its address answers nothing.
 */
@Component({
  selector: 'jl-calendar-feeds',
  imports: [FormsModule, FORM_FIELD, DataTable, FormErrorList, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './calendar-feeds.html',
})
export class CalendarFeeds {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly calendars = inject(CalendarsService);
  private readonly roadmaps = inject(RoadmapsService);
  private readonly currentRoadmap = inject(CurrentRoadmap);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);

  /** reloaded after a change, keeping the table on screen until the new one arrives */
  protected readonly feeds = loadable(() => this.calendars.list());
  protected readonly targets = loadable(() => this.loadTargets());

  protected readonly rows = computed<FeedRow[] | null>(() => {
    const feeds = this.feeds.value();
    if (!feeds) return null;
    const t = this.i18n.translate();
    return feeds.map((feed) => ({
      feed,
      created: formatParisDay(feed.createdAt),
      state: feed.revokedAt ? t('Révoqué le {date}', { date: formatParisDay(feed.revokedAt) }) : t('Actif'),
      active: !feed.revokedAt,
    }));
  });
  protected readonly roadmap = computed(() => this.targets.value()?.roadmap ?? null);
  protected readonly functions = computed(() => [...(this.targets.value()?.functions ?? [])].sort((a, b) => a.order - b.order));
  /** the form says why only one's own due dates can be followed */
  protected readonly targetsError = this.targets.error;

  // the form
  protected readonly scope = signal<CalendarScope>('person');
  protected readonly functionId = signal('');
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly creating = signal(false);
  /** the feed just created, with its address: shown until dismissed, never again */
  protected readonly created = signal<CalendarFeedView | null>(null);
  protected readonly copied = signal<string | null>(null);

  // revoking
  protected readonly confirming = signal<string | null>(null);
  protected readonly revoking = signal<string | null>(null);
  protected readonly rowError = signal<string | null>(null);
  protected readonly announcement = signal<string | null>(null);

  protected create(): void {
    if (this.creating()) return;
    const scope = this.scope();
    const feed: CreateCalendarDto = { scope };
    if (scope === 'function') {
      if (!this.functionId()) {
        this.errors.set({
          byField: {
            targetId: this.i18n.t('Choisissez la fonction à suivre.'),
          },
          general: [],
        });
        focusFirstError(this.errors, FORM_FIELDS, 'calendar', this.injector);
        return;
      }
      feed.targetId = this.functionId();
    }
    if (scope === 'roadmap') {
      const roadmap = this.roadmap();
      if (!roadmap) return;
      feed.targetId = roadmap.id;
    }
    this.errors.set(NO_ERRORS);
    this.announcement.set(null);
    this.rowError.set(null);
    this.creating.set(true);
    this.calendars
      .create(feed)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.creating.set(false);
          this.copied.set(null);
          this.created.set(view);
          this.feeds.reload();
          this.focusById('calendar-url');
        },
        error: (err: unknown) => {
          this.creating.set(false);
          const e = toApiRequestError(err, this.i18n.translate());
          // a wrong target is said next to the function's list when it is there
          this.errors.set(apiFormErrors(e, scope === 'function' ? FORM_FIELDS : []));
          focusFirstError(this.errors, FORM_FIELDS, 'calendar', this.injector);
        },
      });
  }

  /** Copies the address; where the browser refuses, selects it for Ctrl+C. */
  protected copy(): void {
    const url = this.created()?.url;
    if (!url) return;
    const clipboard = this.document.defaultView?.navigator.clipboard;
    const fallback = () => {
      const field = this.document.getElementById('calendar-url');
      if (field instanceof HTMLInputElement) {
        field.focus();
        field.select();
      }
      this.copied.set(
        this.i18n.t('La copie automatique n’est pas possible ici : l’adresse est sélectionnée, copiez-la avec Ctrl+C (ou Cmd+C).'),
      );
    };
    if (!clipboard) {
      fallback();
      return;
    }
    clipboard.writeText(url).then(() => this.copied.set(this.i18n.t('Adresse copiée dans le presse-papiers.')), fallback);
  }

  /** The whole address at once, ready to copy. */
  protected selectAddress(event: FocusEvent): void {
    if (event.target instanceof HTMLInputElement) event.target.select();
  }

  protected dismiss(): void {
    this.created.set(null);
    this.copied.set(null);
    this.focusById('titre-calendriers');
  }

  protected askRevoke(feed: CalendarFeedView): void {
    this.rowError.set(null);
    this.announcement.set(null);
    this.confirming.set(feed.id);
    this.focusById(`confirmer-revocation-${feed.id}`);
  }

  protected cancelRevoke(feed: CalendarFeedView): void {
    this.confirming.set(null);
    this.focusById(`revoquer-${feed.id}`);
  }

  protected revoke(feed: CalendarFeedView): void {
    if (this.revoking()) return;
    this.revoking.set(feed.id);
    this.calendars
      .revoke(feed.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.revoking.set(null);
          this.confirming.set(null);
          if (this.created()?.id === feed.id) this.created.set(null);
          this.announcement.set(
            this.i18n.t('Le calendrier « {label} » est révoqué : son adresse ne donne plus rien.', { label: feed.label }),
          );
          this.feeds.reload();
          this.focusById('titre-calendriers');
        },
        error: (err: unknown) => {
          this.revoking.set(null);
          this.rowError.set(
            this.i18n.t('Révocation refusée : {message}', {
              message: toApiRequestError(err, this.i18n.translate()).message,
            }),
          );
        },
      });
  }

  private focusById(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), {
      injector: this.injector,
    });
  }

  /** The roadmap in view (or the first one) and its functions. */
  private loadTargets(): Observable<Targets> {
    const current = this.currentRoadmap.roadmap();
    const roadmap$: Observable<RoadmapSummaryView | null> = current
      ? of(current)
      : this.roadmaps.list().pipe(map((list) => list[0] ?? null));
    return roadmap$.pipe(
      switchMap((roadmap) =>
        roadmap
          ? this.roadmaps.functions(roadmap.id).pipe(map((functions): Targets => ({ roadmap, functions })))
          : of<Targets>({ roadmap, functions: [] }),
      ),
    );
  }
}
