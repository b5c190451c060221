import type { TestDatabase } from '../database';

/** The Brest roadmap's next mandate, as a roadmap of its own: its four phases and the same functions (codes), no item. */
export const NEXT_MANDATE = {
  slug: 'brest-2032-2038',
  start: '2031-03-01',
  end: '2038-03-13',
  phases: [
    { code: 'pre-electorale', name: 'Pré-électorale', start: '2031-03-01', end: '2032-03-21' },
    { code: 'post-electorale', name: 'Post-électorale', start: '2032-03-22', end: '2032-12-31' },
    { code: 'emergence', name: 'Émergence', start: '2033-01-01', end: '2034-12-31' },
    { code: 'maturation', name: 'Maturation', start: '2035-01-01', end: '2038-03-13' },
  ],
} as const;

/** Writes the next mandate's roadmap with plain SQL (the test does not depend on how roadmaps are created); its id. */
export async function nextMandate(db: TestDatabase, sourceSlug = 'brest-2026-2032', slug: string = NEXT_MANDATE.slug): Promise<string> {
  const [{ id }] = await db.query<{ id: string }>(
    `insert into roadmap (id, created_at, updated_at, slug, territory, mandate_label, election_dates, next_election_date, start_date, end_date,
                          kit_code, project_lead_id, version)
     select gen_random_uuid(), now(), now(), $2, territory, 'Mandat 2032–2038', '["2032-03-14"]', '2038-03-14', $3, $4, kit_code, project_lead_id, 1
       from roadmap where slug = $1 returning id`,
    [sourceSlug, slug, NEXT_MANDATE.start, NEXT_MANDATE.end],
  );
  for (const [i, p] of NEXT_MANDATE.phases.entries()) {
    await db.query(
      `insert into phase (id, created_at, updated_at, roadmap_id, code, name, description, position, start_date, end_date)
       values (gen_random_uuid(), now(), now(), $1, $2, $3, '', $4, $5, $6)`,
      [id, p.code, p.name, i + 1, p.start, p.end],
    );
  }
  await db.query(
    `insert into target_function (id, created_at, updated_at, roadmap_id, code, name, family, central, description, volets, owner_id, color, position)
     select gen_random_uuid(), now(), now(), $2, code, name, family, central, description, volets, owner_id, color, position
       from target_function where roadmap_id = (select id from roadmap where slug = $1)`,
    [sourceSlug, id],
  );
  return id;
}
