import type { ImportFieldChangeView } from '@jalons/contract';
import { TEXT_MAX } from '@jalons/domain';
import type { RuleViolation } from '@jalons/domain';

import type { Change } from '../history';
import { cellText } from './cells';
import type { Cell, Parsed } from './cells';

/** The reasons a row is refused, each naming its column as the file writes it. */
export class RowCheck<C extends string> {
  readonly reasons: string[] = [];

  constructor(private readonly labels: Partial<Record<C, string>>) {}

  label(column: C, fallback: string): string {
    return this.labels[column] ?? fallback;
  }

  refuse(column: C, fallback: string, message: string): void {
    this.reasons.push(`${this.label(column, fallback)} : ${message}`);
  }

  /** The parsed value, or undefined with the reason kept. */
  take<T>(column: C, fallback: string, parsed: Parsed<T>): T | undefined {
    if ('error' in parsed) {
      this.refuse(column, fallback, parsed.error);
      return undefined;
    }
    return parsed.value;
  }

  /** The domain's violations, each under the column of its field (`fields`: violation field → column). */
  violations(broken: readonly RuleViolation[], fields: Record<string, [C, string]>): void {
    for (const v of broken) {
      const [column, fallback] = fields[v.field] ?? [undefined, v.field];
      this.reasons.push(`${column ? this.label(column, fallback) : fallback} : ${v.message}`);
    }
  }

  /** A title or a description: trimmed, `min`…`max` characters, no NUL. */
  text(column: C, fallback: string, cell: Cell, min: number, max: number): string | undefined {
    const text = cellText(cell);
    if ([...text].length < min) return this.take(column, fallback, { error: min ? 'elle est vide.' : 'texte invalide.' });
    if ([...text].length > max || text.includes('\u0000')) {
      return this.take(column, fallback, { error: `${max} caractères au plus (${[...text].length} écrits).` });
    }
    return text;
  }

  title(column: C, fallback: string, cell: Cell): string | undefined {
    return this.text(column, fallback, cell, 1, TEXT_MAX.title);
  }
}

/** A field's change, for the history (`history`: raw values, as the services write them) and for the plan (`view`: as people read it). */
export class Changes {
  readonly history: Change[] = [];
  readonly view: ImportFieldChangeView[] = [];

  add(field: string, label: string, from: unknown, to: unknown, shown: (v: unknown) => string | null = plain, historyField = field): void {
    if (from === to) return;
    this.history.push([historyField, from, to]);
    this.view.push({ field, label, from: shown(from), to: shown(to) });
  }

  /** A reference (function, owner, phase) compared by id, recorded and shown by name. */
  ref(field: string, label: string, fromId: string | null, toId: string | null, name: (id: string | null) => string | null): void {
    if (fromId === toId) return;
    this.history.push([field, name(fromId), name(toId)]);
    this.view.push({ field, label, from: name(fromId), to: name(toId) });
  }
}

export const plain = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
