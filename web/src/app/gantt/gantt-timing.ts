/**
 * Runs `work` between the User Timing marks `<name>:start` and `<name>:end` and measures it as
 * `<name>` (read by `npm run bench:gantt`); just runs it where the User Timing API is missing.
 */
export function timed(name: string, work: () => void): void {
  const timing =
    typeof performance !== 'undefined' && typeof performance.mark === 'function' && typeof performance.measure === 'function'
      ? performance
      : null;
  timing?.mark(`${name}:start`);
  try {
    work();
  } finally {
    if (timing) {
      timing.mark(`${name}:end`);
      timing.measure(name, `${name}:start`, `${name}:end`);
    }
  }
}

/** A User Timing mark (`jl-gantt:drawn`: every bar of the last render is drawn), where the API is. */
export function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}
