import { ChangeDetectionStrategy, Component, DestroyRef, Injector, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';

import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError, toFormErrors } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FormErrorList, SaveStatus } from '../shared/form-status';
import { ROLE_LABELS } from '../shared/labels';
import { JlNewPassword } from '../shared/new-password';
import { CalendarFeeds } from './calendar-feeds';
import { DigestSetting } from './digest-setting';
import { MyData } from './my-data';
import { SummarySetting } from './summary-setting';
import { checkNewPassword } from '../shared/password-rules';

const FORM_FIELDS = ['currentPassword', 'password', 'confirmation'] as const;

/**
 * The signed-in person's account: who they are for Jalons, changing their password, reminders by
 * e-mail and calendar feeds.
 */
@Component({
  selector: 'jl-account-page',
  imports: [
    FormsModule,
    FORM_FIELD,
    JlNewPassword,
    DigestSetting,
    SummarySetting,
    CalendarFeeds,
    MyData,
    FormErrorList,
    SaveStatus,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-page.html',
})
export class AccountPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  protected readonly me = this.auth.me;
  protected readonly roleLabel = computed(() => {
    const me = this.me();
    return me ? ROLE_LABELS[me.role] : '';
  });
  protected readonly currentPassword = signal('');
  protected readonly password = signal('');
  protected readonly confirmation = signal('');
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly sending = signal(false);
  protected readonly saved = signal<string | null>(null);

  protected submit(): void {
    if (this.sending()) return;
    const current = this.currentPassword();
    const password = this.password();
    const t = this.i18n.translate();
    const violations = [
      ...(current === ''
        ? [
            {
              field: 'currentPassword',
              message: t('Indiquez votre mot de passe actuel.'),
            },
          ]
        : []),
      ...checkNewPassword(password, this.confirmation(), t),
    ];
    this.saved.set(null);
    if (violations.length > 0) {
      this.errors.set(toFormErrors(violations, FORM_FIELDS));
      focusFirstError(this.errors, FORM_FIELDS, 'account', this.injector);
      return;
    }
    this.errors.set(NO_ERRORS);
    this.sending.set(true);
    this.auth
      .changePassword(current, password)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.sending.set(false);
          this.currentPassword.set('');
          this.password.set('');
          this.confirmation.set('');
          this.saved.set(t('Votre mot de passe est modifié.'));
        },
        error: (err: unknown) => {
          this.sending.set(false);
          this.errors.set(apiFormErrors(toApiRequestError(err, t), FORM_FIELDS));
          focusFirstError(this.errors, FORM_FIELDS, 'account', this.injector);
        },
      });
  }
}
