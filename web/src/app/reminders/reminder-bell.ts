import type { NotificationsView } from '@jalons/contract';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { filter, interval, merge, tap } from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import { NotificationsService } from '../data/notifications.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { loadable } from '../shared/loadable';
import { REMINDER_KINDS, reminderLink, reminderPhrase } from './reminder-phrase';

/** How many reminders the panel lists (the newest, unread first). */
export const REMINDERS_SHOWN = 20;

/** The count is asked again after each change of page, and at this pace meanwhile (never under 2 minutes). */
export const REMINDERS_REFRESH_MS = 5 * 60_000;

/** A reminder as the panel lists it. */
interface ReminderRow {
  id: string;
  unread: boolean;
  /** « Action », « Jalon » or « Indicateur », in the language of the interface */
  kind: string;
  title: string;
  /** null: the item is gone (a deleted indicator) */
  link: string[] | null;
  phrase: string;
}

/**
 * The bell of the header: « Rappels » with the unread count, opening a panel (a disclosure) of the
 * latest reminders. Opening an item marks its reminder read. Shown to signed-in people only: it
 * stops asking once the header drops it (signed out, session ended).
 */
@Component({
  selector: 'jl-reminder-bell',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reminder-bell.html',
  styleUrl: './reminder-bell.scss',
  host: {
    class: 'bell',
    '(keydown.escape)': 'escape()',
    '(focusout)': 'focusLeft($event)',
    '(document:click)': 'clickedSomewhere($event)',
  },
})
export class ReminderBell {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly api = inject(NotificationsService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  private readonly toggleButton = viewChild.required<ElementRef<HTMLButtonElement>>('toggleButton');
  private readonly panelTitle = viewChild<ElementRef<HTMLElement>>('panelTitle');

  /** reminders marked read here whose mark the API's answers may not show yet */
  private readonly readHere = signal<ReadonlySet<string>>(new Set());
  /** asked at once, then again after each change of page, at a steady pace, and on opening */
  private readonly notifications = loadable(() => this.api.list(REMINDERS_SHOWN).pipe(tap((view) => this.received(view))));
  /** the API's last answer, kept when a later one fails */
  private readonly view = linkedSignal<NotificationsView | undefined, NotificationsView | null>({
    source: this.notifications.value,
    computation: (view, previous) => view ?? previous?.value ?? null,
  });

  protected readonly open = signal(false);
  protected readonly loadError = this.notifications.error;
  protected readonly markingAll = signal(false);
  protected readonly announcement = signal('');
  protected readonly actionError = signal<string | null>(null);
  protected readonly panelId = 'panneau-rappels';

  protected readonly rows = computed<ReminderRow[] | null>(() => {
    const view = this.view();
    if (!view) return null;
    const readHere = this.readHere();
    const t = this.i18n.translate();
    return view.items.map((n) => ({
      id: n.id,
      unread: n.readAt === null && !readHere.has(n.id),
      kind: t(REMINDER_KINDS[n.itemType]),
      title: n.title,
      link: reminderLink(n),
      phrase: reminderPhrase(n, t),
    }));
  });

  protected readonly unread = computed(() => {
    const view = this.view();
    if (!view) return 0;
    const readHere = this.readHere();
    const markedHere = view.items.filter((n) => n.readAt === null && readHere.has(n.id)).length;
    return Math.max(0, view.unread - markedHere);
  });
  /** the badge; the accessible name says the exact count */
  protected readonly badge = computed(() => (this.unread() > 99 ? '99+' : String(this.unread())));
  /** « Rappels, 3 non lus »: the button's accessible name when some are unread */
  protected readonly unreadName = computed(() =>
    this.i18n.t('Rappels, {n} non lu|Rappels, {n} non lus', {
      n: this.unread(),
    }),
  );

  constructor() {
    const navigations = inject(Router).events.pipe(
      filter((e) => e instanceof NavigationEnd),
      // another page: the panel closes (the page's title takes the keyboard)
      tap(() => this.open.set(false)),
    );
    merge(navigations, interval(REMINDERS_REFRESH_MS))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.notifications.reload());
  }

  /** What the API now says read needs no more help from here. */
  private received(view: NotificationsView): void {
    const stillUnread = new Set(view.items.filter((n) => n.readAt === null).map((n) => n.id));
    this.readHere.update((ids) => new Set([...ids].filter((id) => stillUnread.has(id))));
  }

  protected toggle(): void {
    if (this.open()) {
      this.close(false);
      return;
    }
    this.announcement.set('');
    this.actionError.set(null);
    this.open.set(true);
    this.notifications.reload();
    afterNextRender(() => this.panelTitle()?.nativeElement.focus(), {
      injector: this.injector,
    });
  }

  /** Following a reminder's link: the panel closes, the reminder is marked read (the router opens the item). */
  protected follow(row: ReminderRow): void {
    this.close(false);
    if (!row.unread) return;
    this.readHere.update((ids) => new Set([...ids, row.id]));
    this.api
      .markRead(row.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => this.notifications.reload(),
        // not marked after all: the list says so again
        error: () => {
          this.readHere.update((ids) => new Set([...ids].filter((id) => id !== row.id)));
          this.notifications.reload();
        },
      });
  }

  protected markAllRead(): void {
    if (this.markingAll()) return;
    this.markingAll.set(true);
    this.announcement.set('');
    this.actionError.set(null);
    this.api
      .markAllRead()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.markingAll.set(false);
          this.readHere.update((ids) => new Set([...ids, ...(this.view()?.items.map((n) => n.id) ?? [])]));
          this.view.update((v) => (v ? { ...v, unread: 0 } : v));
          this.announcement.set(this.i18n.t('Tous les rappels sont marqués comme lus.'));
          // the button is gone: the keyboard goes back to the panel's title
          afterNextRender(() => this.panelTitle()?.nativeElement.focus(), {
            injector: this.injector,
          });
          this.notifications.reload();
        },
        error: (err: unknown) => {
          this.markingAll.set(false);
          this.actionError.set(
            this.i18n.t('Impossible de marquer les rappels comme lus : {message}', {
              message: toApiRequestError(err, this.i18n.translate()).message,
            }),
          );
        },
      });
  }

  protected escape(): void {
    if (this.open()) this.close(true);
  }

  /** The keyboard left the bell for another part of the page: the panel closes. */
  protected focusLeft(event: FocusEvent): void {
    const to = event.relatedTarget;
    if (this.open() && to instanceof Node && !this.host.nativeElement.contains(to)) {
      this.close(false);
    }
  }

  protected clickedSomewhere(event: MouseEvent): void {
    const target = event.target;
    if (this.open() && target instanceof Node && target.isConnected && !this.host.nativeElement.contains(target)) {
      this.close(false);
    }
  }

  private close(backToButton: boolean): void {
    this.open.set(false);
    if (backToButton) this.toggleButton().nativeElement.focus();
  }
}
