import { ChangeDetectionStrategy, Component, DestroyRef, Injector, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { I18n, tKey } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError, toFormErrors } from '../shared/form-errors';
import { FormErrorList, SaveStatus } from '../shared/form-status';
import { JlNewPassword } from '../shared/new-password';
import { SIGN_IN_PATH } from './guards';
import { checkNewPassword } from '../shared/password-rules';

export type SetPasswordMode = 'invitation' | 'reset';

const FORM_FIELDS = ['password', 'confirmation'] as const;

/** French texts of each mode (keys of the dictionary). */
const TEXTS: Readonly<Record<SetPasswordMode, { title: string; intro: string; submit: string; done: string }>> = {
  invitation: {
    title: tKey('Activer votre compte'),
    intro: tKey('Vous êtes invité·e à suivre la feuille de route dans Jalons. Choisissez votre mot de passe pour activer votre compte.'),
    submit: tKey('Activer mon compte'),
    done: tKey('Votre compte est activé : connectez-vous avec votre adresse électronique et le mot de passe choisi.'),
  },
  reset: {
    title: tKey('Choisir un nouveau mot de passe'),
    intro: tKey('Choisissez le nouveau mot de passe de votre compte.'),
    submit: tKey('Enregistrer le mot de passe'),
    done: tKey('Votre nouveau mot de passe est enregistré : connectez-vous.'),
  },
};

/**
 * The page a link of an e-mail opens (/invitation?token=… or /nouveau-mot-de-passe?token=…):
 * the password chosen, typed twice; then the sign-in page.
 */
@Component({
  selector: 'jl-set-password-page',
  imports: [FormsModule, JlNewPassword, RouterLink, FormErrorList, SaveStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './set-password-page.html',
})
export class SetPasswordPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  /** ?token=<token> of the e-mail's link */
  readonly token = input<string>();
  /** route data: accepting an invitation, or resetting a forgotten password */
  readonly mode = input<SetPasswordMode>('reset');

  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  protected readonly texts = computed(() => TEXTS[this.mode()]);
  protected readonly password = signal('');
  protected readonly confirmation = signal('');
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  /** the link no longer works (used, expired, unknown): the form is of no use */
  protected readonly linkRefused = signal<string | null>(null);
  protected readonly sending = signal(false);

  protected submit(): void {
    const token = this.token();
    if (!token || this.sending()) return;
    const password = this.password();
    const violations = checkNewPassword(password, this.confirmation(), this.i18n.translate());
    if (violations.length > 0) {
      this.errors.set(toFormErrors(violations, FORM_FIELDS));
      focusFirstError(this.errors, FORM_FIELDS, 'setpw', this.injector);
      return;
    }
    this.errors.set(NO_ERRORS);
    this.sending.set(true);
    const request = this.mode() === 'invitation' ? this.auth.acceptInvitation(token, password) : this.auth.resetPassword(token, password);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.auth.leaveNotice({ kind: 'info', text: this.texts().done });
        void this.router.navigateByUrl(SIGN_IN_PATH);
      },
      error: (err: unknown) => {
        this.sending.set(false);
        const e = toApiRequestError(err, this.i18n.translate());
        if (e.status === 404 || e.status === 410) {
          this.linkRefused.set(e.message);
          return;
        }
        this.errors.set(apiFormErrors(e, FORM_FIELDS));
        focusFirstError(this.errors, FORM_FIELDS, 'setpw', this.injector);
      },
    });
  }
}
