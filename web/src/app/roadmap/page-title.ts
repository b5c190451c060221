import { DestroyRef, Injectable, Provider, Signal, effect, inject, signal, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';

import { CurrentRoadmap } from '../data/current-roadmap';
import { I18n } from '../i18n/i18n';

/**
 * The routes' titles (« Vue du mandat · Jalons », marked with `tKey`) in the language of the
 * interface, again after a switch — preceded by what the page shows (RGAA 8.6): the item the page
 * names (`pageSubject`: « Rénover l’école · Action · Jalons »), else on a roadmap's page (`/r/…`) the
 * roadmap's territory (« Brest · Chronogramme · Jalons »).
 */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);
  private readonly currentRoadmap = inject(CurrentRoadmap).roadmap;
  private french: string | undefined;
  private inRoadmap = false;
  private readonly subject = signal<{ owner: object; text: string } | null>(null);

  constructor() {
    super();
    effect(() => {
      this.i18n.lang();
      this.subject();
      this.currentRoadmap();
      untracked(() => this.apply());
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.french = this.buildTitle(snapshot);
    this.inRoadmap = snapshot.url.startsWith('/r/');
    this.apply();
  }

  /** `owner`'s subject (a page's item or roadmap); null or the owner's end takes it away */
  setSubject(owner: object, text: string | null): void {
    if (text) this.subject.set({ owner, text });
    else if (this.subject()?.owner === owner) this.subject.set(null);
  }

  private apply(): void {
    if (this.french === undefined) return;
    const route = this.i18n.t(this.french);
    const subject = this.subject()?.text ?? (this.inRoadmap ? this.currentRoadmap()?.territory : undefined);
    this.title.setTitle(subject ? `${subject} · ${route}` : route);
  }
}

/**
 * Names what the page shows at the head of its title while the page lives (call in a page's constructor):
 * `protected readonly titleSubject = pageSubject(computed(() => this.ready()?.action.title ?? null))`.
 */
export function pageSubject(text: Signal<string | null>): Signal<string | null> {
  const strategy = inject(TitleStrategy);
  if (!(strategy instanceof TranslatedTitleStrategy)) return text;
  const owner = {};
  effect(() => strategy.setSubject(owner, text()));
  inject(DestroyRef).onDestroy(() => strategy.setSubject(owner, null));
  return text;
}

/** The pages' titles, translated and named after what they show (app.config). */
export function providePageTitles(): Provider {
  return { provide: TitleStrategy, useClass: TranslatedTitleStrategy };
}
