import { ChangeDetectionStrategy, Component, DestroyRef, Injector, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';

import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError, toFormErrors } from '../shared/form-errors';
import { JlEmailField } from '../shared/email-field';
import { FormErrorList } from '../shared/form-status';
import { checkEmail } from '../shared/password-rules';

const FORM_FIELDS = ['email'] as const;

/**
 * A forgotten password: the address, then always the same answer (whether an account exists for it
 * is nobody's business).
 */
@Component({
  selector: 'jl-forgot-password-page',
  imports: [FormsModule, JlEmailField, RouterLink, FormErrorList, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './forgot-password-page.html',
})
export class ForgotPasswordPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  protected readonly email = signal('');
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly sending = signal(false);
  /** the address the request was sent for */
  protected readonly sentTo = signal<string | null>(null);

  protected submit(): void {
    if (this.sending()) return;
    const email = this.email().trim();
    const violations = checkEmail(email, this.i18n.translate());
    if (violations.length > 0) {
      this.errors.set(toFormErrors(violations, FORM_FIELDS));
      focusFirstError(this.errors, FORM_FIELDS, 'forgot', this.injector);
      return;
    }
    this.errors.set(NO_ERRORS);
    this.sending.set(true);
    this.auth
      .requestPasswordReset(email)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.sending.set(false);
          this.sentTo.set(email);
        },
        error: (err: unknown) => {
          this.sending.set(false);
          this.errors.set(apiFormErrors(toApiRequestError(err, this.i18n.translate()), FORM_FIELDS));
          focusFirstError(this.errors, FORM_FIELDS, 'forgot', this.injector);
        },
      });
  }
}
