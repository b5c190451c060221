import type { RuleViolation } from '@jalons/domain';
import { DOCUMENT } from '@angular/common';
import { Injector, afterNextRender } from '@angular/core';

import { ApiRequestError } from '../data/api-error';

/** Errors of a form: one message per field shown next to it, the rest shown at the top. */
export interface FormErrors {
  byField: Readonly<Record<string, string>>;
  general: readonly string[];
}

export const NO_ERRORS: FormErrors = { byField: {}, general: [] };

/** Spreads broken rules (the domain's, or the API's `errors`) over the form's fields. */
export function toFormErrors(violations: readonly RuleViolation[], fields: readonly string[]): FormErrors {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const v of violations) {
    if (fields.includes(v.field)) {
      byField[v.field] = byField[v.field] ? `${byField[v.field]} ${v.message}` : v.message;
    } else {
      general.push(v.message);
    }
  }
  return { byField, general };
}

/**
 * A refusal of the API spread over the form: field messages next to their fields, and the API's
 * summary at the top unless it only repeats a message already shown next to its field.
 */
export function apiFormErrors(err: ApiRequestError, fields: readonly string[]): FormErrors {
  const fieldErrors = toFormErrors(err.body?.errors ?? [], fields);
  const repeated = Object.values(fieldErrors.byField).includes(err.message);
  return {
    byField: fieldErrors.byField,
    general: [...(repeated ? [] : [err.message]), ...fieldErrors.general],
  };
}

/** The French sentence for a refused change: the API's message, then its field messages. */
export function refusalMessage(err: ApiRequestError): string {
  const details = (err.body?.errors ?? []).map((e) => e.message).filter((m) => m !== err.message);
  return [err.message, ...details].join(' ');
}

/**
 * Once the messages are drawn, puts the keyboard on the first field to fix, whose element id is
 * `<prefix>-<field>`.
 */
export function focusFirstError(errors: () => FormErrors, fields: readonly string[], prefix: string, injector: Injector): void {
  afterNextRender(
    () => {
      const field = fields.find((f) => errors().byField[f]);
      if (field) {
        injector.get(DOCUMENT).getElementById(`${prefix}-${field}`)?.focus();
      }
    },
    { injector },
  );
}
