import { DOCUMENT, isPlatformServer } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  PLATFORM_ID,
  TransferState,
  afterNextRender,
  computed,
  inject,
  linkedSignal,
  makeStateKey,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  ActivatedRouteSnapshot,
  IsActiveMatchOptions,
  NavigationEnd,
  Router,
  RouterLink,
  RouterLinkActive,
  RouterOutlet,
} from '@angular/router';
import { ACCESSIBILITY_STATUS } from '@jalons/domain';
import { filter } from 'rxjs';

import { SIGN_IN_PATH } from './auth/guards';
import { AuthService } from './data/auth.service';
import { CurrentRoadmap } from './data/current-roadmap';
import { I18n, tKey } from './i18n/i18n';
import { LanguageSwitch } from './i18n/language-switch';
import { TranslatePipe } from './i18n/t.pipe';
import { ReminderBell } from './reminders/reminder-bell';
import { ACCESSIBILITY_STATUS_LABELS } from './legal/accessibility-status';
import { InRoadmapPipe } from './roadmap/in-roadmap.pipe';
import { RoadmapSwitcher } from './roadmap/roadmap-switcher';
import { ROLE_LABELS } from './shared/labels';
import { PHONE_QUERY, mediaQuery } from './shared/media-query';

/** Whether a route or one of its parents asks for the bare header (signed-out and public pages). */
function isBare(route: ActivatedRouteSnapshot | null): boolean {
  for (let r = route; r; r = r.firstChild) {
    if (r.data['bare']) return true;
  }
  return false;
}

/** Whether the page is made for an iframe (the widget, `data.embed`): no header, no footer. */
function isEmbed(route: ActivatedRouteSnapshot | null): boolean {
  for (let r = route; r; r = r.firstChild) {
    if (r.data['embed']) return true;
  }
  return false;
}

const pathOf = (url: string): string => url.split(/[?#]/)[0];

/**
 * The shell's kind of page as the server drew it (ADR 0040): the app starts from it, so that the header it takes
 * over does not fold to the brand until the first navigation ends (a jump of the page, CLS).
 */
const DRAWN_SHELL = makeStateKey<{ bare: boolean; embed: boolean }>('shell');

/**
 * The shell: the skip link « Aller au contenu », header (name, roadmap in view, navigation, reminders, the
 * signed-in person), the main content area and the footer (accessibility status, legal pages, open data; issue 13).
 * After each change of page the keyboard and screen readers start from the page's title. A page made for an
 * iframe (`data.embed`, the widget) has neither header nor footer.
 */
@Component({
  selector: 'jl-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, ReminderBell, LanguageSwitch, TranslatePipe, InRoadmapPipe, RoadmapSwitcher],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
  // Escape on « Menu » or inside the open menu folds it (listened here: the menu's container is not focusable itself)
  host: { '(keydown.escape)': 'escapeInMenu($event)' },
})
export class App {
  private readonly auth = inject(AuthService);
  private readonly currentRoadmap = inject(CurrentRoadmap);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly i18n = inject(I18n);
  private readonly state = inject(TransferState);
  private readonly drawn = this.state.get(DRAWN_SHELL, null);

  protected readonly lang = this.i18n.lang;

  protected readonly roadmap = this.currentRoadmap.roadmap;
  /** the overview of the roadmap in view (/r/<slug>), or `/`, which opens one */
  protected readonly home = computed(() => {
    const slug = this.roadmap()?.slug;
    return slug ? ['/r', slug] : ['/'];
  });
  protected readonly me = this.auth.me;
  protected readonly isAdministrator = this.auth.canManageAccounts;
  protected readonly roleLabel = computed(() => {
    const me = this.me();
    return me ? ROLE_LABELS[me.role] : '';
  });
  /** signed-out and public pages: the brand only */
  private readonly bare = signal(this.drawn?.bare ?? true);
  protected readonly internal = computed(() => !this.bare() && !!this.me());
  /** the widget page (`data.embed`): the main area only */
  protected readonly embed = signal(this.drawn?.embed ?? false);
  /** the footer's « Accessibilité : partiellement conforme », from the audit (docs/accessibility.md) */
  protected readonly accessibilityLabel = computed(() =>
    this.i18n.t('Accessibilité : {status}', { status: this.i18n.t(ACCESSIBILITY_STATUS_LABELS[ACCESSIBILITY_STATUS]) }),
  );
  /** « Vue du mandat » is the current page on the roadmap's overview only, whatever the query */
  protected readonly exactPath: IsActiveMatchOptions = {
    paths: 'exact',
    queryParams: 'ignored',
    matrixParams: 'ignored',
    fragment: 'ignored',
  };

  /** phones: whether « Menu » shows the navigation, the account and the languages (always shown on wider screens) */
  protected readonly menuOpen = signal(false);
  /** wider than a phone (app.scss: 640 px and up), where the menu's content is always on screen */
  private readonly phone = mediaQuery(PHONE_QUERY);
  /**
   * Whether the menu's content is drawn: always on a wide screen; on a phone, from its first opening
   * (folded, it is not on screen: the first page is drawn without its links, issue 14).
   */
  protected readonly menuDrawn = linkedSignal<boolean, boolean>({
    source: () => !this.phone() || this.menuOpen(),
    computation: (shown, previous) => shown || (previous?.value ?? false),
  });
  private readonly menuButton = viewChild<ElementRef<HTMLButtonElement>>('menuButton');
  /**
   * The skip link's address: this page's own, with `#contenu`. Not `#contenu` alone, which `<base href="/">` would
   * make the home page's: on a page the server sends without the app (ADR 0040), the browser follows it itself.
   */
  protected readonly skipHref = signal('#contenu');

  constructor() {
    let previousPath: string | null = null;
    const server = isPlatformServer(inject(PLATFORM_ID));
    this.router.events
      .pipe(
        filter((e): e is NavigationEnd => e instanceof NavigationEnd),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((e) => {
        this.bare.set(isBare(this.router.routerState.snapshot.root));
        this.embed.set(isEmbed(this.router.routerState.snapshot.root));
        if (server) this.state.set(DRAWN_SHELL, { bare: this.bare(), embed: this.embed() });
        // a link of the menu was followed: the new page takes the screen
        this.menuOpen.set(false);
        this.skipHref.set(`${e.urlAfterRedirects.split('#')[0]}#contenu`);
        const path = pathOf(e.urlAfterRedirects);
        // not on the first page (the browser starts at the top), nor when only the query changed
        if (previousPath !== null && path !== previousPath) this.focusTitle();
        previousPath = path;
      });
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected escapeInMenu(event: Event): void {
    const target = event.target;
    if (target instanceof Element && target.closest('#shell-menu, .shell-menu-button')) this.closeMenu(true);
  }

  /** Escape in the open menu: it folds, and the keyboard goes back to « Menu ». */
  protected closeMenu(backToButton: boolean): void {
    if (!this.menuOpen()) return;
    this.menuOpen.set(false);
    if (backToButton) this.menuButton()?.nativeElement.focus();
  }

  protected logout(): void {
    this.auth.logout().subscribe(() => {
      this.currentRoadmap.set(null);
      this.auth.leaveNotice({
        kind: 'info',
        text: tKey('Vous êtes déconnecté·e.'),
      });
      void this.router.navigateByUrl(SIGN_IN_PATH);
    });
  }

  /**
   * « Aller au contenu »: the focus moves to the main area (the router would treat `#contenu` as a fragment of
   * the app's address; the href stays for what it means without script).
   */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.document.getElementById('contenu')?.focus();
  }

  /** Puts the focus on the new page's title (or its main area), once drawn. */
  private focusTitle(): void {
    afterNextRender(
      () => {
        const main = this.document.querySelector<HTMLElement>('main');
        const target = main?.querySelector<HTMLElement>('h1') ?? main;
        if (!target) return;
        if (!target.hasAttribute('tabindex')) {
          target.setAttribute('tabindex', '-1');
        }
        target.focus();
      },
      { injector: this.injector },
    );
  }
}
