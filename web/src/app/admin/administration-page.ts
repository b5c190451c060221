import type { AccountView } from '@jalons/contract';
import type { Role } from '@jalons/domain';
import { ROLES, TEXT_MAX } from '@jalons/domain';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Observable, forkJoin, map, of, switchMap } from 'rxjs';

import { AccountsService } from '../data/accounts.service';
import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { RoadmapsService } from '../data/roadmaps.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { DataTable } from '../shared/data-table';
import { FormErrors, NO_ERRORS, focusFirstError, toFormErrors } from '../shared/form-errors';
import { JlEmailField } from '../shared/email-field';
import { FORM_FIELD } from '../shared/form-field';
import { FormErrorList } from '../shared/form-status';
import { ROLE_LABELS } from '../shared/labels';
import { loadable } from '../shared/loadable';
import {
  ACCOUNT_CONFLICT_MESSAGE,
  AccountRow,
  Announcement,
  accountFormErrors,
  accountPatch,
  accountRows,
  functionGroup,
  invitationMessage,
} from './accounts-view';
import { AnonymiseAccount } from './anonymise-account';
import { FunctionChoiceGroup, FunctionPicker } from './function-picker';
import { RemindersAdmin } from './reminders-admin';

/** The accounts, and the functions that can be given to a function owner, by roadmap. */
interface AdministrationData {
  accounts: AccountView[];
  groups: FunctionChoiceGroup[];
}

const INVITE_FIELDS = ['name', 'email', 'role', 'functionIds'] as const;
const EDIT_FIELDS = ['name', 'role', 'functionIds'] as const;

/**
 * The administrator's page: the accounts (role, functions, state, last sign-in), inviting someone,
 * changing a role or the functions held, deactivating and reactivating, sending an invitation again;
 * then the reminders and e-mails (jl-reminders-admin).
 */
@Component({
  selector: 'jl-administration-page',
  imports: [
    FormsModule,
    FORM_FIELD,
    JlEmailField,
    DataTable,
    FunctionPicker,
    RemindersAdmin,
    AnonymiseAccount,
    FormErrorList,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './administration-page.html',
})
export class AdministrationPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly accountsApi = inject(AccountsService);
  private readonly roadmaps = inject(RoadmapsService);
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);

  /** reloaded (without « loading ») after a change */
  protected readonly page = loadable(() => this.load());
  protected readonly ready = computed(() => this.page.value() ?? null);
  protected readonly groups = computed(() => this.ready()?.groups ?? []);
  protected readonly myId = computed(() => this.auth.me()?.id ?? null);

  protected readonly rows = computed<AccountRow[]>(() =>
    accountRows(this.ready()?.accounts ?? [], this.myId(), new Date(), this.i18n.translate()),
  );

  /** the longest name the API accepts */
  protected readonly nameMax = TEXT_MAX.name;
  protected readonly roles = ROLES.map((value) => ({
    value,
    label: ROLE_LABELS[value],
  }));

  /** the last action's outcome, above the table */
  protected readonly announcement = signal<Announcement | null>(null);
  /** why the last action on a row was refused */
  protected readonly rowError = signal<string | null>(null);
  /** the id of the account whose row action is being sent */
  protected readonly busy = signal<string | null>(null);

  // Inviting someone
  protected readonly inviteName = signal('');
  protected readonly inviteEmail = signal('');
  protected readonly inviteRole = signal<Role | ''>('');
  protected readonly inviteFunctions = signal<string[]>([]);
  protected readonly inviteErrors = signal<FormErrors>(NO_ERRORS);
  protected readonly inviting = signal(false);

  // Editing an account
  protected readonly editing = signal<AccountView | null>(null);
  protected readonly editName = linkedSignal(() => this.editing()?.name ?? '');
  protected readonly editRole = linkedSignal<Role>(() => this.editing()?.role ?? 'elected');
  protected readonly editFunctions = linkedSignal<string[]>(() => this.editing()?.functions.map((f) => f.id) ?? []);
  protected readonly editErrors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);

  protected invite(): void {
    if (this.inviting()) return;
    const name = this.inviteName().trim();
    const email = this.inviteEmail().trim();
    const role = this.inviteRole();
    const t = this.i18n.translate();
    const violations = [
      ...(name ? [] : [{ field: 'name', message: t('Indiquez le nom.') }]),
      ...(email ? [] : [{ field: 'email', message: t('Indiquez l’adresse électronique.') }]),
      ...(role ? [] : [{ field: 'role', message: t('Choisissez un rôle.') }]),
    ];
    if (violations.length > 0 || !role) {
      this.inviteErrors.set(toFormErrors(violations, INVITE_FIELDS));
      focusFirstError(this.inviteErrors, INVITE_FIELDS, 'invite', this.injector);
      return;
    }
    this.inviteErrors.set(NO_ERRORS);
    this.announcement.set(null);
    this.inviting.set(true);
    this.accountsApi
      .invite({
        name,
        email,
        role,
        ...(role === 'owner' ? { functionIds: this.inviteFunctions() } : {}),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (invitation) => {
          this.inviting.set(false);
          this.announcement.set(invitationMessage(invitation, t));
          this.inviteName.set('');
          this.inviteEmail.set('');
          this.inviteRole.set('');
          this.inviteFunctions.set([]);
          this.page.reload();
        },
        error: (err: unknown) => {
          this.inviting.set(false);
          this.inviteErrors.set(accountFormErrors(toApiRequestError(err, t), INVITE_FIELDS));
          focusFirstError(this.inviteErrors, INVITE_FIELDS, 'invite', this.injector);
        },
      });
  }

  protected edit(account: AccountView): void {
    this.editErrors.set(NO_ERRORS);
    this.rowError.set(null);
    this.editing.set(account);
    this.focusById('titre-modifier');
  }

  protected cancelEdit(): void {
    const account = this.editing();
    this.editing.set(null);
    this.editErrors.set(NO_ERRORS);
    if (account) this.focusById(`modifier-${account.id}`);
  }

  protected saveEdit(self: boolean): void {
    const account = this.editing();
    if (!account || this.saving()) return;
    const name = this.editName().trim();
    const t = this.i18n.translate();
    if (!name) {
      this.editErrors.set(toFormErrors([{ field: 'name', message: t('Indiquez le nom.') }], EDIT_FIELDS));
      focusFirstError(this.editErrors, EDIT_FIELDS, 'edit', this.injector);
      return;
    }
    const patch = accountPatch(account, { name, role: this.editRole(), functionIds: this.editFunctions() }, self);
    this.editErrors.set(NO_ERRORS);
    this.announcement.set(null);
    this.saving.set(true);
    this.accountsApi
      .update(account.id, patch)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => {
          this.saving.set(false);
          this.editing.set(null);
          this.announcement.set({
            kind: 'success',
            text: t('Le compte de {name} est modifié.', { name: saved.name }),
          });
          this.page.reload();
          this.focusById(`modifier-${saved.id}`);
        },
        error: (err: unknown) => {
          this.saving.set(false);
          const e = toApiRequestError(err, t);
          if (e.status === 409) {
            this.editing.set(null);
            this.rowError.set(t(ACCOUNT_CONFLICT_MESSAGE));
            this.page.reload();
            this.focusById(`modifier-${account.id}`);
            return;
          }
          this.editErrors.set(accountFormErrors(e, EDIT_FIELDS));
          focusFirstError(this.editErrors, EDIT_FIELDS, 'edit', this.injector);
        },
      });
  }

  /** Deactivates an account (it can no longer sign in, its sessions end) or reactivates it. */
  protected setActive(account: AccountView, active: boolean): void {
    if (this.busy()) return;
    this.rowError.set(null);
    this.announcement.set(null);
    this.busy.set(account.id);
    this.accountsApi
      .update(account.id, { version: account.version, active })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => {
          this.busy.set(null);
          this.announcement.set({
            kind: 'success',
            text: active
              ? this.i18n.t('Le compte de {name} est réactivé.', {
                  name: saved.name,
                })
              : this.i18n.t('Le compte de {name} est désactivé : cette personne ne peut plus se connecter.', { name: saved.name }),
          });
          if (this.editing()?.id === saved.id) this.editing.set(null);
          this.page.reload();
        },
        error: (err: unknown) => this.refuseRowAction(err),
      });
  }

  /** After « Anonymiser »: said politely, the list reloaded (the row then reads « Anonymisé·e le … »). */
  protected anonymised(after: AccountView): void {
    this.rowError.set(null);
    this.announcement.set({
      kind: 'success',
      text: this.i18n.t('Le compte est anonymisé : il s’appelle désormais « {name} ».', { name: after.name }),
    });
    if (this.editing()?.id === after.id) this.editing.set(null);
    this.page.reload();
  }

  protected resendInvitation(account: AccountView): void {
    if (this.busy()) return;
    this.rowError.set(null);
    this.announcement.set(null);
    this.busy.set(account.id);
    this.accountsApi
      .resendInvitation(account.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (invitation) => {
          this.busy.set(null);
          this.announcement.set(invitationMessage(invitation, this.i18n.translate()));
          this.page.reload();
        },
        error: (err: unknown) => this.refuseRowAction(err),
      });
  }

  private refuseRowAction(err: unknown): void {
    this.busy.set(null);
    const t = this.i18n.translate();
    const e = toApiRequestError(err, t);
    if (e.status === 409) {
      this.rowError.set(t(ACCOUNT_CONFLICT_MESSAGE));
      this.page.reload();
      return;
    }
    this.rowError.set(t('Action refusée : {message}', { message: e.message }));
  }

  private focusById(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), {
      injector: this.injector,
    });
  }

  private load(): Observable<AdministrationData> {
    return forkJoin({
      accounts: this.accountsApi.list(),
      groups: this.roadmaps
        .list()
        .pipe(
          switchMap((list) =>
            list.length === 0
              ? of([])
              : forkJoin(
                  list.map((roadmap) => this.roadmaps.functions(roadmap.id).pipe(map((functions) => functionGroup(roadmap, functions)))),
                ),
          ),
        ),
    });
  }
}
