/** One shape for every 4xx and 5xx answer of the API. */
export interface ApiFieldError {
  /** the request field to fix: 'due', 'progress', 'predecessorId', 'version', 'body'… */
  field: string;
  /** in French, a sentence a person can act on */
  message: string;
}

export interface ApiError {
  statusCode: number;
  /** short machine-friendly reason: 'validation_failed', 'not_found', 'version_conflict', 'rule_broken'… */
  error: string;
  /** one French sentence summing up the problem */
  message: string;
  /** one entry per field at fault, when fields are at fault */
  errors?: ApiFieldError[];
  /** on a 409 version conflict: the version now stored, to reload and retry */
  currentVersion?: number;
  /** on a 429: seconds to wait before trying again (also the Retry-After header) */
  retryAfterSeconds?: number;
  requestId?: string;
}
