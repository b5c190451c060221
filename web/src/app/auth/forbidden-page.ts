import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { AuthService } from '../data/auth.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { ROLE_LABELS } from '../shared/labels';

/** Where a page the signed-in person's role does not open sends them. */
@Component({
  selector: 'jl-forbidden-page',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'Accès refusé' | t: lang() }}</h1>
    <div class="notice notice--error" role="alert">
      <p>
        {{ 'Vous n’êtes pas autorisé·e à ouvrir la page demandée : elle est réservée à l’administrateur·rice de Jalons.' | t: lang() }}
        @if (roleLabel(); as role) {
          {{ 'Votre rôle : {role}.' | t: lang() : { role: role | t: lang() } }}
        }
      </p>
    </div>
    <p>
      <a routerLink="/">{{ 'Revenir à la vue du mandat' | t: lang() }}</a>
    </p>
  `,
})
export class ForbiddenPage {
  private readonly me = inject(AuthService).me;
  protected readonly lang = inject(I18n).lang;
  protected readonly roleLabel = computed(() => {
    const me = this.me();
    return me ? ROLE_LABELS[me.role] : null;
  });
}
