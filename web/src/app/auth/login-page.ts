import { ChangeDetectionStrategy, Component, DestroyRef, Injector, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError, toFormErrors } from '../shared/form-errors';
import { JlEmailField } from '../shared/email-field';
import { FORM_FIELD } from '../shared/form-field';
import { FormErrorList, SaveStatus } from '../shared/form-status';
import { safeReturnUrl } from './guards';
import { checkEmail } from '../shared/password-rules';

const FORM_FIELDS = ['email', 'password'] as const;

/** Signing in: e-mail and password, then back to the page asked for (?retour=) or home. */
@Component({
  selector: 'jl-login-page',
  imports: [FormsModule, FORM_FIELD, JlEmailField, RouterLink, FormErrorList, SaveStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
})
export class LoginPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  /** ?retour=<url>: where to go once signed in */
  readonly retour = input<string>();

  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  /** why the person is here (session expired, signed out, password chosen) */
  protected readonly notice = signal(this.auth.takeNotice());
  protected readonly email = signal('');
  protected readonly password = signal('');
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly sending = signal(false);

  protected submit(): void {
    if (this.sending()) return;
    const email = this.email().trim();
    const password = this.password();
    const violations = [
      ...checkEmail(email, this.i18n.translate()),
      ...(password === ''
        ? [
            {
              field: 'password',
              message: this.i18n.t('Indiquez votre mot de passe.'),
            },
          ]
        : []),
    ];
    this.notice.set(null);
    if (violations.length > 0) {
      this.errors.set(toFormErrors(violations, FORM_FIELDS));
      focusFirstError(this.errors, FORM_FIELDS, 'login', this.injector);
      return;
    }
    this.errors.set(NO_ERRORS);
    this.sending.set(true);
    this.auth
      .login(email, password)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          void this.router.navigateByUrl(safeReturnUrl(this.retour()));
        },
        error: (err: unknown) => {
          this.sending.set(false);
          const e = toApiRequestError(err, this.i18n.translate());
          this.errors.set(apiFormErrors(e, FORM_FIELDS));
          // a wrong password is typed again from scratch
          if (e.status === 401) this.password.set('');
          focusFirstError(this.errors, FORM_FIELDS, 'login', this.injector);
        },
      });
  }
}
