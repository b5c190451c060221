import type { BaselineView, SCurveScope } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { of } from 'rxjs';

import { ProgressService } from '../data/progress.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FORM_FIELD } from '../shared/form-field';
import { loadable } from '../shared/loadable';
import { SCurve } from './s-curve';

/** A phase the reader may narrow the curve to. */
export interface ScopePhase {
  id: string;
  name: string;
  order: number;
}

/**
 * « Avancement dans le temps »: the S-curve in its card. On the overview, the reader picks the
 * scope (the whole roadmap or one phase) and, when the lead froze baselines, the plan the expected
 * curve follows; on a function's page, the function's curve.
 */
@Component({
  selector: 'jl-progress-card',
  imports: [SCurve, TranslatePipe, FORM_FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .legend {
      margin: 0.35rem 0 0.75rem;
      color: var(--jl-text-muted);
      font-size: 0.85rem;
    }
    .toolbar .field {
      min-width: 0;
      max-width: 100%;
      margin-bottom: 0;
    }
    /* a phase's long name does not widen the page at 320 px (RGAA 10.11) */
    .toolbar select {
      max-width: 100%;
    }
  `,
  template: `
    <section class="card" aria-labelledby="titre-courbe" data-testid="s-curve-section">
      <h2 id="titre-courbe">{{ 'Avancement dans le temps' | t: lang() }}</h2>
      <p class="legend">
        {{
          'Courbe en S : l’avancement prévu par le plan et l’avancement réalisé, à la fin de chaque mois ; le trait rouge marque aujourd’hui.'
            | t: lang()
        }}
      </p>
      @if (!functionId() && (phases().length > 0 || baselineList().length > 0)) {
        <div class="toolbar">
          @if (phases().length > 0) {
            <jl-form-field controlId="courbe-perimetre" [label]="'Périmètre' | t: lang()">
              <select jlControl (change)="scopeKey.set(valueOf($event))">
                <option value="roadmap" [selected]="scopeKey() === 'roadmap'">{{ 'Toute la feuille de route' | t: lang() }}</option>
                @for (phase of sortedPhases(); track phase.id) {
                  <option [value]="phase.id" [selected]="scopeKey() === phase.id">
                    {{ 'Phase {n} : {name}' | t: lang() : { n: phase.order, name: phase.name } }}
                  </option>
                }
              </select>
            </jl-form-field>
          }
          @if (baselineList().length > 0) {
            <jl-form-field controlId="courbe-reference" [label]="'Prévu selon' | t: lang()">
              <select jlControl (change)="baseline.set(valueOf($event) || null)">
                <option value="" [selected]="baseline() === null">{{ 'le plan actuel' | t: lang() }}</option>
                @for (b of baselineList(); track b.id) {
                  <option [value]="b.id" [selected]="baseline() === b.id">
                    {{ 'la référence {n} — {label}' | t: lang() : { n: b.number, label: b.label } }}
                  </option>
                }
              </select>
            </jl-form-field>
          }
        </div>
      }
      <jl-s-curve [roadmapId]="roadmapId()" [scope]="scope()" [scopeId]="scopeId()" [baseline]="baseline()" />
    </section>
  `,
})
export class ProgressCard {
  protected readonly lang = inject(I18n).lang;
  private readonly progress = inject(ProgressService);

  readonly roadmapId = input.required<string>();
  /** the phases the reader may narrow the curve to (the overview); none: no choice */
  readonly phases = input<readonly ScopePhase[]>([]);
  /** a function's page: its curve, no choice */
  readonly functionId = input<string | null>(null);
  /** offer the baselines the lead froze as the expected curve (one more request) */
  readonly withBaselines = input(false);

  /** 'roadmap' or a phase's id */
  protected readonly scopeKey = signal<string>('roadmap');
  protected readonly baseline = signal<string | null>(null);
  protected readonly sortedPhases = computed(() => [...this.phases()].sort((a, b) => a.order - b.order));

  protected readonly scope = computed<SCurveScope>(() => {
    if (this.functionId()) return 'function';
    return this.scopeKey() === 'roadmap' ? 'roadmap' : 'phase';
  });
  protected readonly scopeId = computed(() => this.functionId() ?? (this.scopeKey() === 'roadmap' ? null : this.scopeKey()));

  private readonly baselines = loadable(
    () => (this.withBaselines() ? this.roadmapId() : null),
    (id) => (id ? this.progress.baselines(id) : of<BaselineView[]>([])),
  );
  /** newest first; none when they could not be read (the curve follows the plan) */
  protected readonly baselineList = computed(() => [...(this.baselines.value() ?? [])].sort((a, b) => b.number - a.number));

  protected valueOf(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }
}
