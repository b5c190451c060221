import { IsBoolean } from 'class-validator';

/**
 * The monthly summary by e-mail (issue 12, ADR 0022), as Mon compte shows and sets it:
 * `GET|PUT /api/account/summary`. Without a choice of one's own, elected officials receive it and the
 * other roles do not; `enabled` is what applies to the person now.
 */
export interface MonthlySummaryView {
  enabled: boolean;
}

/** `PUT /api/account/summary`: the person's own choice (it then no longer follows the role). */
export class MonthlySummaryDto {
  @IsBoolean({ message: 'enabled doit valoir true ou false.' })
  enabled!: boolean;
}
