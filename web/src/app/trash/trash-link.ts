import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { AuthService } from '../data/auth.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';

/** The way to a roadmap's Corbeille, for whoever may open it: the project lead and the function owners. */
@Component({
  selector: 'jl-trash-link',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `
    @if (shown()) {
      <a class="button" [routerLink]="link()" data-testid="trash-link">{{ 'Corbeille' | t: lang() }}</a>
    }
  `,
})
export class TrashLink {
  protected readonly lang = inject(I18n).lang;
  private readonly auth = inject(AuthService);
  readonly slug = input.required<string>();

  protected readonly shown = computed(() => {
    const role = this.auth.me()?.role;
    return role === 'lead' || role === 'owner';
  });
  protected readonly link = computed(() => roadmapPath(this.slug(), 'corbeille'));
}
