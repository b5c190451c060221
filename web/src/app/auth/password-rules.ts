import type { RuleViolation } from '@jalons/domain';
import { PASSWORD_MAX, PASSWORD_MIN } from '@jalons/domain';

/** Shown under every new-password field. */
export const PASSWORD_HINT = `Au moins ${PASSWORD_MIN} caractères (${PASSWORD_MAX} au plus). Une phrase de passe, facile à retenir, convient très bien.`;

/** A new password typed twice, checked as the API will (length in characters, spaces included). */
export function checkNewPassword(
  password: string,
  confirmation: string,
): RuleViolation[] {
  const length = [...password].length;
  if (length === 0) {
    return [{ field: 'password', message: 'Choisissez un mot de passe.' }];
  }
  if (length < PASSWORD_MIN) {
    return [
      {
        field: 'password',
        message: `Le mot de passe doit compter au moins ${PASSWORD_MIN} caractères (il en compte ${length}).`,
      },
    ];
  }
  if (length > PASSWORD_MAX) {
    return [
      {
        field: 'password',
        message: `Le mot de passe doit compter au plus ${PASSWORD_MAX} caractères.`,
      },
    ];
  }
  if (password !== confirmation) {
    return [
      {
        field: 'confirmation',
        message: 'Les deux mots de passe ne sont pas identiques.',
      },
    ];
  }
  return [];
}

/** An e-mail address as the person typed it: only an empty field is refused here (the API checks the rest). */
export function checkEmail(email: string): RuleViolation[] {
  return email.trim() === ''
    ? [{ field: 'email', message: 'Indiquez votre adresse électronique.' }]
    : [];
}
