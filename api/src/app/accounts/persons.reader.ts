import { Injectable } from '@nestjs/common';
import type { PersonView } from '@jalons/contract';

import { PersonsQueries } from './persons.queries';

/** Persons by id, for the views that name owners, leads and authors of changes. */
@Injectable()
export class PersonsReader {
  constructor(private readonly queries: PersonsQueries) {}

  active(): Promise<PersonView[]> {
    return this.queries.active();
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
