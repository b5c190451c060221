import { Migration } from '@mikro-orm/migrations';

/** The SQL-only tables' enums (ADR 0012): text with a check constraint, so no entity class must declare a type for them. */
const COLUMNS = [
  { table: 'account_token', column: 'kind', type: 'account_token_kind', values: ['invitation', 'reset'], fallback: null },
  { table: 'calendar_feed', column: 'scope', type: 'calendar_scope', values: ['person', 'function', 'roadmap'], fallback: null },
  { table: 'outbox', column: 'status', type: 'outbox_status', values: ['pending', 'sending', 'sent', 'failed'], fallback: 'pending' },
] as const;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export class Migration20261129090000_sql_only_tables extends Migration {
  override async up(): Promise<void> {
    for (const c of COLUMNS) {
      if (c.fallback) this.addSql(`alter table "${c.table}" alter column "${c.column}" drop default;`);
      this.addSql(`alter table "${c.table}" alter column "${c.column}" type varchar(20) using "${c.column}"::text;`);
      if (c.fallback) this.addSql(`alter table "${c.table}" alter column "${c.column}" set default '${c.fallback}';`);
      this.addSql(`alter table "${c.table}" add constraint "${c.table}_${c.column}_check" check ("${c.column}" in (${list(c.values)}));`);
      this.addSql(`drop type "${c.type}";`);
    }
  }

  override async down(): Promise<void> {
    for (const c of COLUMNS) {
      this.addSql(`create type "${c.type}" as enum (${list(c.values)});`);
      this.addSql(`alter table "${c.table}" drop constraint "${c.table}_${c.column}_check";`);
      if (c.fallback) this.addSql(`alter table "${c.table}" alter column "${c.column}" drop default;`);
      this.addSql(`alter table "${c.table}" alter column "${c.column}" type "${c.type}" using "${c.column}"::"${c.type}";`);
      if (c.fallback) this.addSql(`alter table "${c.table}" alter column "${c.column}" set default '${c.fallback}';`);
    }
  }
}
