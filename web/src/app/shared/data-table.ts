import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A data table in its scrolling region: the region is named for screen readers and takes the
 * keyboard (a wide table scrolls sideways on a phone), the table has a caption read but not shown.
 * The host is the region; the page projects the table's `<thead>` and `<tbody>`.
 *
 *     <div jlDataTable [label]="'Tableau des phases' | t: lang()" [caption]="…" testId="phases">
 *       <thead>…</thead>
 *       <tbody>…</tbody>
 *     </div>
 */
@Component({
  // eslint-disable-next-line @angular-eslint/component-selector -- the host is the region itself: the page's DOM keeps its <div>
  selector: 'div[jlDataTable]',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'table-scroll',
    role: 'region',
    tabindex: '0',
    '[attr.aria-label]': 'label()',
  },
  template: `
    <table class="data-table" [attr.data-testid]="testId()">
      <caption class="visually-hidden">
        {{
          caption()
        }}
      </caption>
      <ng-content />
    </table>
  `,
})
export class DataTable {
  /** the region's name, already translated */
  readonly label = input.required<string>();
  /** what the table holds, already translated */
  readonly caption = input.required<string>();
  /** the table's `data-testid`, if any */
  readonly testId = input<string | null>(null);
}
