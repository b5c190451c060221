import type { AssessmentView } from '@jalons/contract';
import { ASSESSMENT_AXES, groupOf } from '@jalons/domain';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, Injector, afterNextRender, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';

import { ActorsService } from '../data/actors.service';
import { toApiRequestError } from '../data/api-error';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { DataTable } from '../shared/data-table';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { AXIS_LABELS } from './actor-labels';
import { GroupBadge } from './group-badge';

/**
 * An actor's history of positions: its assessments, oldest first, each with the group its scores give, its scores
 * by axis when there are some, who assessed and why. The lead may delete one (asked twice, on its row).
 */
@Component({
  selector: 'jl-actor-assessments',
  imports: [DataTable, FrDatePipe, GroupBadge, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (assessments().length === 0) {
      <p data-testid="no-assessment">{{ 'Pas encore d’évaluation.' | t: lang() }}</p>
    } @else {
      @if (error(); as message) {
        <p class="notice notice--error" role="alert">{{ message }}</p>
      }
      <div
        jlDataTable
        [label]="'Historique des évaluations' | t: lang()"
        [caption]="'Les évaluations de l’acteur, la plus ancienne d’abord, avec le groupe que donnent leurs notes' | t: lang()"
        testId="assessments"
      >
        <thead>
          <tr>
            <th scope="col">{{ 'Date' | t: lang() }}</th>
            <th scope="col" class="num">{{ 'Maturité' | t: lang() }}</th>
            <th scope="col" class="num">{{ 'Ambition' | t: lang() }}</th>
            <th scope="col">{{ 'Groupe des notes' | t: lang() }}</th>
            <th scope="col">{{ 'Par axe' | t: lang() }}</th>
            <th scope="col">{{ 'Évalué par' | t: lang() }}</th>
            <th scope="col">{{ 'Commentaire' | t: lang() }}</th>
            @if (canWrite()) {
              <th scope="col">
                <span class="visually-hidden">{{ 'Actions' | t: lang() }}</span>
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (a of assessments(); track a.id) {
            <tr [attr.data-assessment]="a.on">
              <th scope="row">{{ a.on | jlDate }}</th>
              <td class="num">{{ a.maturity }}</td>
              <td class="num">{{ a.ambition }}</td>
              <td><jl-group-badge [group]="group(a)" /></td>
              <td>
                @if (axes(a).length === 0) {
                  —
                } @else {
                  <ul class="plain-list">
                    @for (x of axes(a); track x.axis) {
                      <li>{{ x.label | t: lang() }} : {{ x.maturity }} / {{ x.ambition }}</li>
                    }
                  </ul>
                }
              </td>
              <td>{{ a.assessedBy }}</td>
              <td>{{ a.comment ?? '—' }}</td>
              @if (canWrite()) {
                <td class="row-actions">
                  @if (confirming() === a.id) {
                    <button type="button" class="button" [id]="'confirmer-' + a.id" [disabled]="busy()" (click)="remove(a)">
                      {{ 'Confirmer la suppression' | t: lang() }}<span class="visually-hidden"> {{ a.on | jlDate }}</span>
                    </button>
                    <button type="button" class="button" [disabled]="busy()" (click)="confirming.set(null)">
                      {{ 'Annuler' | t: lang() }}
                    </button>
                  } @else {
                    <button type="button" class="button" (click)="ask(a)">
                      {{ 'Supprimer' | t: lang()
                      }}<span class="visually-hidden"> {{ 'l’évaluation du {date}' | t: lang() : { date: (a.on | jlDate) } }}</span>
                    </button>
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </div>
    }
  `,
})
export class ActorAssessments {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly actors = inject(ActorsService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);

  /** oldest first */
  readonly assessments = input.required<readonly AssessmentView[]>();
  /** the project lead: « Supprimer » on each row */
  readonly canWrite = input(false);
  readonly changed = output<void>();

  /** the assessment whose deletion is asked for */
  protected readonly confirming = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected group(a: AssessmentView) {
    return groupOf(a.maturity, a.ambition);
  }

  protected axes(a: AssessmentView) {
    return ASSESSMENT_AXES.flatMap((axis) => {
      const s = a.axes[axis];
      return s ? [{ axis, label: AXIS_LABELS[axis], maturity: s.maturity, ambition: s.ambition }] : [];
    });
  }

  /** « Supprimer »: the row asks to confirm, the keyboard on « Confirmer la suppression » */
  protected ask(a: AssessmentView): void {
    this.confirming.set(a.id);
    afterNextRender(() => this.document.getElementById(`confirmer-${a.id}`)?.focus(), { injector: this.injector });
  }

  protected remove(a: AssessmentView): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.actors
      .removeAssessment(a.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.confirming.set(null);
          this.changed.emit();
        },
        error: (err: unknown) => {
          this.busy.set(false);
          this.error.set(toApiRequestError(err, this.i18n.translate()).message);
        },
      });
  }
}
