import type { PublicRoadmapSummaryView } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { catchError, map, of, startWith } from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import { PublicRoadmapsService } from '../data/public-roadmaps.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';

type PublicIndexState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; roadmaps: PublicRoadmapSummaryView[] };

/** The roadmaps whose public page is open (/public), for anybody. */
@Component({
  selector: 'jl-public-index-page',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'Feuilles de route publiques' | t: lang() }}</h1>
    <p class="page-intro">
      {{ 'L’avancement des feuilles de route du service public local de la donnée, ouvert au public par les collectivités.' | t: lang() }}
    </p>
    @if (roadmaps(); as list) {
      @if (list.length > 0) {
        <ul class="public-list" data-testid="public-roadmaps">
          @for (r of list; track r.slug) {
            <li>
              <a [routerLink]="['/public', r.slug]">{{ r.territory }} · {{ r.mandateLabel }}</a>
            </li>
          }
        </ul>
      } @else {
        <p class="notice" role="status">
          {{ 'Aucune feuille de route n’a encore de page publique.' | t: lang() }}
        </p>
      }
    } @else if (errorMessage(); as message) {
      <p class="notice notice--error" role="alert">
        {{ 'Impossible de charger les pages publiques : {message}' | t: lang() : { message } }}
      </p>
    } @else {
      <p class="notice" role="status">
        {{ 'Chargement des pages publiques…' | t: lang() }}
      </p>
    }
    <p>
      <a routerLink="/connexion">{{ 'Connexion à Jalons' | t: lang() }}</a>
    </p>
  `,
})
export class PublicIndexPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly state = toSignal(
    inject(PublicRoadmapsService)
      .list()
      .pipe(
        map((roadmaps): PublicIndexState => ({ status: 'ready', roadmaps })),
        catchError((err: unknown) =>
          of<PublicIndexState>({
            status: 'error',
            message: toApiRequestError(err, this.i18n.translate()).message,
          }),
        ),
        startWith<PublicIndexState>({ status: 'loading' }),
      ),
    { initialValue: { status: 'loading' } as PublicIndexState },
  );
  protected readonly roadmaps = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? s.roadmaps : null;
  });
  protected readonly errorMessage = computed(() => {
    const s = this.state();
    return s.status === 'error' ? s.message : null;
  });
}
