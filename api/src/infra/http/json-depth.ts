import type { NextFunction, Request, Response } from 'express';

import type { ApiError } from '@jalons/contract';

/** Deeper than any request of the API needs; deep enough nesting would overflow the validator's recursion. */
export const MAX_JSON_DEPTH = 16;

/** The nesting depth of a parsed JSON value, measured without recursion. */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Object.values(v as object)) stack.push([child, d + 1]);
  }
  return max;
}

/** Refuses, in the API's error shape, a JSON body nested deeper than MAX_JSON_DEPTH. */
export function jsonDepthGuard(req: Request, res: Response, next: NextFunction): void {
  if (jsonDepth(req.body, MAX_JSON_DEPTH) <= MAX_JSON_DEPTH) return next();
  const body: ApiError = {
    statusCode: 400,
    error: 'validation_failed',
    message: `Le corps de la requête est imbriqué sur plus de ${MAX_JSON_DEPTH} niveaux.`,
    errors: [{ field: 'body', message: 'Structure JSON trop profonde.' }],
    requestId: (req as Request & { id?: string }).id,
  };
  res.status(400).json(body);
}
