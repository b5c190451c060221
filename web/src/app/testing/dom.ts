/** Text as a reader sees it: whitespace (including fr-FR narrow no-break spaces) collapsed. */
export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The element a test needs, or a failure that says which. */
export function must<T>(value: T | null | undefined, what = 'element'): T {
  if (value === null || value === undefined) throw new Error(`${what} absent`);
  return value;
}
