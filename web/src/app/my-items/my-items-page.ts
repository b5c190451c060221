import type { MyItemView, MyItemsView } from '@jalons/contract';
import type { DaySpan } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import { AuthService } from '../data/auth.service';
import { MyItemsService } from '../data/my-items.service';
import { I18n, tKey } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { ReviewItem } from '../review/review-item';
import { ReviewRow } from '../review/review-row';
import { roadmapPath } from '../roadmap/roadmap-path';
import { DataTable } from '../shared/data-table';
import { loadable } from '../shared/loadable';

/** The look-aheads offered, in days (`?sous=`); none: every open item. */
export const WITHIN_CHOICES = [7, 14, 30, 90] as const;

interface Group {
  id: string;
  slug: string;
  territory: string;
  mandateLabel: string;
  span: DaySpan;
  rows: { item: ReviewItem; late: boolean; type: string; functionName: string }[];
}

function reviewItem(slug: string, i: MyItemView): ReviewItem {
  return {
    kind: i.kind,
    id: i.id,
    functionId: i.functionId,
    title: i.title,
    link: roadmapPath(slug, i.kind === 'action' ? 'actions' : 'jalons', i.id),
    version: i.version,
    start: i.start,
    due: i.due,
    status: i.status,
    progress: i.progress,
    achievedOn: i.achievedOn,
  };
}

/** The page's groups: one per roadmap, its items as review rows (late ones first, as the API sends them). */
export function myItemGroups(view: MyItemsView): Group[] {
  return view.roadmaps.map((r) => ({
    id: r.id,
    slug: r.slug,
    territory: r.territory,
    mandateLabel: r.mandateLabel,
    span: { start: r.start, end: r.end },
    rows: r.items.map((i) => ({
      item: reviewItem(r.slug, i),
      late: i.late,
      type: i.kind === 'action' ? tKey('Action') : tKey('Jalon'),
      functionName: i.functionName,
    })),
  }));
}

/**
 * « Mes échéances »: the signed-in person's open actions and milestones across roadmaps, by due
 * date, the late ones first and flagged, each with the weekly review's quick update (ReviewRow);
 * `?sous=N` keeps what falls due within N days.
 */
@Component({
  selector: 'jl-my-items-page',
  imports: [DataTable, ReviewRow, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-items-page.html',
})
export class MyItemsPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly service = inject(MyItemsService);
  /** ?sous=<days> */
  readonly sous = input<string>();

  protected readonly within = computed(() => {
    const n = Number(this.sous());
    return this.sous() && Number.isInteger(n) && n >= 0 && n <= 730 ? n : null;
  });
  protected readonly page = loadable(this.within, (within) => this.service.get(within));
  protected readonly groups = computed(() => {
    const view = this.page.value();
    return view ? myItemGroups(view) : [];
  });
  protected readonly count = computed(() => this.groups().reduce((n, g) => n + g.rows.length, 0));
  protected readonly editColumns = computed(() => this.groups().some((g) => g.rows.some((r) => this.canWrite(r.item.functionId))));
  protected readonly choices = WITHIN_CHOICES;

  protected canWrite(functionId: string): boolean {
    return this.auth.canWriteItemsOf(functionId);
  }

  protected chronogramLink(slug: string): Array<string | number> {
    return roadmapPath(slug, 'chronogramme');
  }

  protected chooseWithin(value: string): void {
    void this.router.navigate([], { queryParams: { sous: value || null }, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
