import type { RuleViolation } from '@jalons/domain';
import { PASSWORD_MAX, PASSWORD_MIN } from '@jalons/domain';

import { Translate, french } from '../i18n/i18n';

/** Shown under every new-password field. */
export function passwordHint(t: Translate = french): string {
  return t('Au moins {min} caractères ({max} au plus). Une phrase de passe, facile à retenir, convient très bien.', {
    min: PASSWORD_MIN,
    max: PASSWORD_MAX,
  });
}

/** A new password typed twice, checked as the API will (length in characters, spaces included). */
export function checkNewPassword(password: string, confirmation: string, t: Translate = french): RuleViolation[] {
  const length = [...password].length;
  if (length === 0) {
    return [{ field: 'password', message: t('Choisissez un mot de passe.') }];
  }
  if (length < PASSWORD_MIN) {
    return [
      {
        field: 'password',
        message: t('Le mot de passe doit compter au moins {min} caractères (il en compte {n}).', { min: PASSWORD_MIN, n: length }),
      },
    ];
  }
  if (length > PASSWORD_MAX) {
    return [
      {
        field: 'password',
        message: t('Le mot de passe doit compter au plus {max} caractères.', {
          max: PASSWORD_MAX,
        }),
      },
    ];
  }
  if (password !== confirmation) {
    return [
      {
        field: 'confirmation',
        message: t('Les deux mots de passe ne sont pas identiques.'),
      },
    ];
  }
  return [];
}

/** An e-mail address as the person typed it: only an empty field is refused here (the API checks the rest). */
export function checkEmail(email: string, t: Translate = french): RuleViolation[] {
  return email.trim() === '' ? [{ field: 'email', message: t('Indiquez votre adresse électronique.') }] : [];
}
