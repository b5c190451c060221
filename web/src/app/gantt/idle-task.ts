/**
 * Runs `work` in a task of its own once the browser is idle (`requestIdleCallback`, within
 * `timeoutMs` at the latest), or in the next task where there is no such thing (setTimeout 0).
 * Work left for later (the chart's other bars, the table's other rows) goes there rather than in a
 * chain of `setTimeout(0)`: whatever the person does meanwhile — a click, a key — is served first
 * (ADR 0028). Returns a function that cancels it.
 */
export function idleTask(work: () => void, timeoutMs = 100): () => void {
  const win = typeof window === 'undefined' ? null : window;
  if (win && typeof win.requestIdleCallback === 'function') {
    const id = win.requestIdleCallback(() => work(), { timeout: timeoutMs });
    return () => win.cancelIdleCallback(id);
  }
  const id = setTimeout(work, 0);
  return () => clearTimeout(id);
}
