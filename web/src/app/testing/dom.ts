/** Text as a reader sees it: whitespace (including fr-FR narrow no-break spaces) collapsed. */
export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The element a test needs, or a failure that says which. */
export function must<T>(value: T | null | undefined, what = 'element'): T {
  if (value === null || value === undefined) throw new Error(`${what} absent`);
  return value;
}

/**
 * The name a screen reader gives a control named by its content: its aria-label if any, else its
 * text without what is aria-hidden (a badge drawn for the eyes only).
 */
export function accessibleName(el: Element | null | undefined): string {
  if (!el) return '';
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
  return text(copy);
}
