import { ApiRequestError } from '../data/api-error';

/**
 * The API's refusal with its nested fields (`groupOverride.reason`, `axes.strategie.maturity`) named as the form
 * names them: `names` maps a field to the form's; a field starting with one of `prefixes` + '.' becomes that prefix.
 */
export function fieldErrors(
  err: ApiRequestError,
  names: Readonly<Record<string, string>>,
  prefixes: readonly string[] = [],
): ApiRequestError {
  const errors = err.body?.errors;
  if (!err.body || !errors) return err;
  const rename = (field: string): string => names[field] ?? prefixes.find((p) => field.startsWith(`${p}.`)) ?? field;
  return new ApiRequestError(err.message, err.status, {
    ...err.body,
    errors: errors.map((e) => ({ ...e, field: rename(e.field) })),
  });
}
