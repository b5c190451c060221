import type { ChronogramView } from '@jalons/contract';
import type { ActionStatus } from '@jalons/domain';
import { ACTION_STATUSES, PROVENANCE_FILTERS } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, OnInit, computed, effect, inject, input, model, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';

import { compareText } from '../i18n/format';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { ReviewFilter, NO_FILTER, isFiltered, readReviewFilter, reviewFilterParams } from '../review/review-filter';
import { FORM_FIELD } from '../shared/form-field';
import { STATUS_LABELS } from '../shared/labels';
import { PROVENANCE_WORDS } from '../shared/provenance-badge';

/** `?vue=tableau`: the chronogram page opens on its table */
const TABLE_VIEW = 'tableau';

/**
 * The weekly review's filter bar above the chronogram's table, every choice kept in the URL's query
 * parameters (review-filter.ts), so that a reload or a shared link shows the same rows; and the
 * page's display (chart or table) kept there too (`vue=tableau`). The table reads the same
 * parameters; the chart follows the function only (the page loads that function).
 */
@Component({
  selector: 'jl-review-filters',
  imports: [FORM_FIELD, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './review-filters.html',
  styles: `
    .review-filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      align-items: flex-end;
      margin-bottom: 0.75rem;
    }
    .review-filters fieldset {
      margin: 0 0 0.9rem;
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--jl-border);
    }
    .review-filters__within {
      width: 5rem;
    }
    /* a long function name in a list may not widen the page past a phone's screen */
    .review-filters > * {
      min-width: 0;
      max-width: 100%;
    }
    .review-filters select {
      max-width: 100%;
    }
  `,
})
export class ReviewFilters implements OnInit {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly chronogram = input.required<ChronogramView>();
  /** the page's display, two-way: `[(display)]="display"` */
  readonly display = model<'chart' | 'table'>('chart');

  private readonly params = toSignal(this.route.queryParamMap);
  protected readonly filter = computed(() => {
    const params = this.params();
    return params ? readReviewFilter(params) : NO_FILTER;
  });
  protected readonly filtered = computed(() => isFiltered(this.filter()));
  protected readonly statuses = ACTION_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));
  protected readonly provenances = PROVENANCE_FILTERS.map((value) => ({ value, label: PROVENANCE_WORDS[value] }));
  protected readonly persons = computed(() => [...this.chronogram().persons].sort((a, b) => compareText(a.name, b.name)));

  constructor() {
    // the display in the URL, so a reload or a link opens the table again
    effect(() => {
      const vue = this.display() === 'table' ? TABLE_VIEW : null;
      untracked(() => {
        if ((this.route.snapshot.queryParamMap.get('vue') ?? null) !== vue) this.navigate({ vue });
      });
    });
  }

  ngOnInit(): void {
    if (this.route.snapshot.queryParamMap.get('vue') === TABLE_VIEW) this.display.set('table');
  }

  protected choose<K extends keyof ReviewFilter>(key: K, value: ReviewFilter[K]): void {
    this.navigate(reviewFilterParams({ ...this.filter(), [key]: value }));
  }

  protected toggleStatus(status: ActionStatus, on: boolean): void {
    const statuses = this.filter().statuses.filter((s) => s !== status);
    this.choose('statuses', on ? ACTION_STATUSES.filter((s) => s === status || statuses.includes(s)) : statuses);
  }

  protected chooseProvenance(value: string): void {
    this.choose('provenance', this.provenances.find((p) => p.value === value)?.value ?? null);
  }

  protected chooseWithin(value: string): void {
    const days = Number(value);
    this.choose('within', value.trim() === '' || !Number.isInteger(days) || days < 0 ? null : days);
  }

  protected clear(): void {
    this.navigate(reviewFilterParams(NO_FILTER));
  }

  private navigate(queryParams: Record<string, unknown>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
