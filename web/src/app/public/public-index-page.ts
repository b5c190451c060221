import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { PublicRoadmapsService } from '../data/public-roadmaps.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { loadable } from '../shared/loadable';

/** The roadmaps whose public page is open (/public), for anybody; drawn by the server (ADR 0040). */
@Component({
  selector: 'jl-public-index-page',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'Feuilles de route publiques' | t: lang() }}</h1>
    <p class="page-intro">
      {{ 'L’avancement des feuilles de route du service public local de la donnée, ouvert au public par les collectivités.' | t: lang() }}
    </p>
    @if (roadmaps.value(); as list) {
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
    } @else if (roadmaps.error(); as message) {
      <!-- a failed read: the server sends the app's page instead, which asks again (ADR 0040) -->
      <p class="notice notice--error" role="alert" data-load-error="failed">
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
  private readonly api = inject(PublicRoadmapsService);
  protected readonly roadmaps = loadable(() => this.api.list());
}
