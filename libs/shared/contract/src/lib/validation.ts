import { isIsoDate } from '@jalons/domain';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** A calendar day written 'YYYY-MM-DD' (29 February only in leap years). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value: unknown) => isIsoDate(value),
        defaultMessage: () => '$property doit être une date du calendrier au format AAAA-MM-JJ.',
      },
    },
    options,
  );
}

/** French messages for the class-validator constraints the contract uses. */
export const VALIDATION_MESSAGES = {
  uuid: '$property doit être un identifiant (UUID).',
  text: (max: number) => `$property doit être un texte de 1 à ${max} caractères.`,
  optionalText: (max: number) => `$property doit être un texte de ${max} caractères au plus.`,
  version: 'version doit être le numéro de version entier lu avec l’élément (pour éviter d’écraser une modification concurrente).',
  progress: 'progress doit être un entier de 0 à 100.',
  status: (values: readonly string[]) => `status doit valoir l’un de : ${values.join(', ')}.`,
} as const;
