import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { loadable } from '../shared/loadable';
import { InstanceService } from './instance.service';
import { LegalValue } from './legal-value';

/**
 * « Mentions légales » (/mentions-legales): the editor, the publication director and the host of this instance (LEGAL_*,
 * « à renseigner » when unset), and the licences: the code's, and the open data's (Licence Ouverte 2.0).
 */
@Component({
  selector: 'jl-legal-notice-page',
  imports: [RouterLink, TranslatePipe, LegalValue],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './legal-notice-page.html',
  styleUrl: './legal-page.scss',
})
export class LegalNoticePage {
  protected readonly lang = inject(I18n).lang;
  private readonly api = inject(InstanceService);
  protected readonly instance = loadable(() => this.api.instance());
}
