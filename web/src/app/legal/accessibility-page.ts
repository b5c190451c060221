import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { loadable } from '../shared/loadable';
import {
  AUDIT,
  DEROGATIONS,
  EXEMPT,
  NON_CONFORMITIES,
  SAMPLE_PAGES,
  TECHNOLOGIES,
  TEST_ENVIRONMENT,
  THEME_RESULTS,
  TOOLS,
  WITH_ALTERNATIVE,
} from './accessibility-statement';
import { ACCESSIBILITY_STATUS_LABELS } from './accessibility-status';
import { InstanceService } from './instance.service';
import { LegalValue } from './legal-value';

/**
 * « Déclaration d’accessibilité » (/accessibilite) on the RGAA 4.1 model: engagement, état de conformité, résultats des
 * tests, contenus non accessibles, établissement, retour d’information, voies de recours. The figures are Jalons's own
 * audit (accessibility-statement.ts, docs/accessibility.md); the editor and contact are the instance's (LEGAL_*).
 */
@Component({
  selector: 'jl-accessibility-page',
  imports: [RouterLink, TranslatePipe, LegalValue],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './accessibility-page.html',
  styleUrl: './legal-page.scss',
})
export class AccessibilityPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly api = inject(InstanceService);
  protected readonly instance = loadable(() => this.api.instance());

  protected readonly audit = AUDIT;
  protected readonly themes = THEME_RESULTS;
  protected readonly nonConformities = NON_CONFORMITIES;
  protected readonly withAlternative = WITH_ALTERNATIVE;
  protected readonly derogations = DEROGATIONS;
  protected readonly exempt = EXEMPT;
  protected readonly technologies = TECHNOLOGIES;
  protected readonly environment = TEST_ENVIRONMENT;
  protected readonly tools = TOOLS;
  protected readonly sample = SAMPLE_PAGES;
  protected readonly statusLabel = computed(() => this.i18n.t(ACCESSIBILITY_STATUS_LABELS[AUDIT.status]));

  /** « 29 novembre 2026 » */
  protected readonly auditDate = computed(() =>
    new Intl.DateTimeFormat(this.i18n.locale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${this.audit.date}T00:00:00Z`),
    ),
  );
  protected readonly rate = computed(() => new Intl.NumberFormat(this.i18n.locale()).format(this.audit.rate));
}
