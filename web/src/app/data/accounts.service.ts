import type { AccountView, InvitationView } from '@jalons/contract';
import type { Role } from '@jalons/domain';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

/** POST /api/accounts (InviteAccountDto) */
export interface AccountInvitation {
  name: string;
  email: string;
  role: Role;
  /** the functions a function owner takes over (their previous owner loses them) */
  functionIds?: string[];
}

/** PATCH /api/accounts/:id (UpdateAccountDto) — only the fields sent change; `version` is the one read. */
export interface AccountPatch {
  version: number;
  name?: string;
  role?: Role;
  functionIds?: string[];
  /** false: the account can no longer sign in and its sessions end at once */
  active?: boolean;
}

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
  invite(invitation: AccountInvitation): Observable<InvitationView> {
    return this.http.post<InvitationView>(url(), invitation).pipe(catchApiError());
  }

  /** PATCH /api/accounts/:id — role, functions, name, or (de)activation; 409 on a stale version. */
  update(id: string, patch: AccountPatch): Observable<AccountView> {
    return this.http.patch<AccountView>(url(id), patch).pipe(catchApiError());
  }

  /** POST /api/accounts/:id/invitation — a new invitation, for an account without a password. */
  resendInvitation(id: string): Observable<InvitationView> {
    return this.http.post<InvitationView>(url(id, '/invitation'), null).pipe(catchApiError());
  }
}
