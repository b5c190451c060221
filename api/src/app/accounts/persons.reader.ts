import { Injectable } from '@nestjs/common';
import type { PersonView } from '@jalons/contract';
import type { Role } from '@jalons/domain';

import { PersonsQueries } from './persons.queries';

/**
 * Whether a role is given persons' e-mail addresses along with their names (issue #16). The
 * administrator, the project lead and the function owners work with one another; no screen of an
 * elected official writes to anyone, so they read names only.
 */
export function seesEmails(role: Role): boolean {
  return role !== 'elected';
}

/** The persons with their name only (no e-mail). */
export function namesOnly(persons: readonly PersonView[]): PersonView[] {
  return persons.map(({ id, name }) => ({ id, name }));
}

/** Persons by id, for the views that name owners, leads and authors of changes. */
@Injectable()
export class PersonsReader {
  constructor(private readonly queries: PersonsQueries) {}

  /** The active accounts, with their e-mail for a role that `seesEmails`. */
  async active(role: Role): Promise<PersonView[]> {
    const persons = await this.queries.active();
    return seesEmails(role) ? persons : namesOnly(persons);
  }

  /** The persons among `ids` (nulls and repeats ignored), by id. */
  async byIds(ids: ReadonlyArray<string | null>): Promise<Map<string, PersonView>> {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (!wanted.length) return new Map();
    const rows = await this.queries.byIds(wanted);
    return new Map(rows.map((p) => [p.id, p]));
  }
}

/** The person with this id in `persons`, or null. */
export function personIn(persons: ReadonlyMap<string, PersonView>, id: string | null): PersonView | null {
  return (id && persons.get(id)) || null;
}
