import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { RouterLink } from '@angular/router';

import { AuthService } from '../data/auth.service';
import { ROLE_LABELS } from '../shared/labels';

/** Where a page the signed-in person's role does not open sends them. */
@Component({
  selector: 'jl-forbidden-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Accès refusé</h1>
    <div class="notice notice--error" role="alert">
      <p>
        Vous n’êtes pas autorisé·e à ouvrir la page demandée : elle est réservée
        à l’administrateur·rice de Jalons.
        @if (roleLabel(); as role) {
          Votre rôle : {{ role }}.
        }
      </p>
    </div>
    <p><a routerLink="/">Revenir à la vue du mandat</a></p>
  `,
})
export class ForbiddenPage {
  private readonly me = inject(AuthService).me;
  protected readonly roleLabel = computed(() => {
    const me = this.me();
    return me ? ROLE_LABELS[me.role] : null;
  });
}
