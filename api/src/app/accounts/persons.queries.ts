import { Injectable } from '@nestjs/common';
import type { PersonView } from '@jalons/contract';

import { Sql } from '../../infra/database/sql';

/** The accounts as other features name them: id, name, e-mail. */
@Injectable()
export class PersonsQueries {
  constructor(private readonly sql: Sql) {}

  /** Active accounts, by name: who may own an item. */
  active(): Promise<PersonView[]> {
    return this.sql.rows<PersonView>('select id, name, email from account where active order by name');
  }

  /** The accounts among `ids` (active or not: a history names former colleagues too). */
  byIds(ids: readonly string[]): Promise<PersonView[]> {
    return this.sql.rows<PersonView>('select id, name, email from account where id in (?) order by name', [ids]);
  }
}
