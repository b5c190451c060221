import type { AccountView, InvitationView, InviteAccountDto, UpdateAccountDto } from '@jalons/contract';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

const url = (id = '', tail = ''): string => `${API_BASE}/accounts${id ? `/${encodeURIComponent(id)}` : ''}${tail}`;

/** Data access for accounts (the administrator's). Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class AccountsService {
  private readonly http = inject(HttpClient);

  /** GET /api/accounts */
  list(): Observable<AccountView[]> {
    return this.http.get<AccountView[]>(url()).pipe(catchApiError());
  }

  /** POST /api/accounts — creates the account and e-mails the invitation (409 when the e-mail exists). */
  invite(invitation: InviteAccountDto): Observable<InvitationView> {
    return this.http.post<InvitationView>(url(), invitation).pipe(catchApiError());
  }

  /** PATCH /api/accounts/:id — role, functions, name, or (de)activation; 409 on a stale version. */
  update(id: string, patch: UpdateAccountDto): Observable<AccountView> {
    return this.http.patch<AccountView>(url(id), patch).pipe(catchApiError());
  }

  /** POST /api/accounts/:id/invitation — a new invitation, for an account without a password. */
  resendInvitation(id: string): Observable<InvitationView> {
    return this.http.post<InvitationView>(url(id, '/invitation'), null).pipe(catchApiError());
  }
}
