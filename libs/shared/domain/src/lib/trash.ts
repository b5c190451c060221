/**
 * How long a deleted action or milestone stays in the Corbeille, restorable with its id, history
 * and dependencies; after that it is gone for good (the API purges it, the pages say so).
 */
export const TRASH_DAYS = 90;
