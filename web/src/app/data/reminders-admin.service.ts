import type { RemindersStatusView, RunRemindersDto, RunReportView, TestMailDto } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

const ADMIN = `${API_BASE}/admin`;

/** POST /api/admin/test-mail — whether the SMTP server took the e-mail. */
export interface TestMailResult {
  sent: boolean;
  to: string;
  error: string | null;
}

/** Data access for the administrator's view of the reminder job and the e-mails. Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class RemindersAdminService {
  private readonly http = inject(HttpClient);

  /** GET /api/admin/reminders — schedule, SMTP, the last runs, the outbox's counts and problems. */
  status(): Observable<RemindersStatusView> {
    return this.http.get<RemindersStatusView>(`${ADMIN}/reminders`).pipe(catchApiError());
  }

  /** POST /api/admin/reminders/run — for today (Europe/Paris) or the day given; nothing is sent twice. */
  run(date?: IsoDate): Observable<RunReportView> {
    return this.http.post<RunReportView>(`${ADMIN}/reminders/run`, (date ? { date } : {}) satisfies RunRemindersDto).pipe(catchApiError());
  }

  /** POST /api/admin/outbox/:id/retry — 204; a failed e-mail goes back in the queue. */
  retry(id: string): Observable<void> {
    return this.http.post<void>(`${ADMIN}/outbox/${encodeURIComponent(id)}/retry`, null).pipe(catchApiError());
  }

  /** POST /api/admin/test-mail — to the address given, or to the administrator's own. */
  testMail(to?: string): Observable<TestMailResult> {
    return this.http.post<TestMailResult>(`${ADMIN}/test-mail`, (to ? { to } : {}) satisfies TestMailDto).pipe(catchApiError());
  }
}
