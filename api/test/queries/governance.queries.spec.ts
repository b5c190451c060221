import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';

import { citeDecision } from '../../src/app/governance';
import { DecisionQueries } from '../../src/app/governance/decisions.queries';
import { GovernanceQueries } from '../../src/app/governance/governance.queries';
import { InstanceQueries } from '../../src/app/governance/instances.queries';
import { MeetingQueries } from '../../src/app/governance/meetings.queries';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';
import { nextMandate } from '../factories/next-mandate';

/*
 * The governance feature's queries, one by one, on the seeded Brest database (its three instances,
 * five meetings, five decisions); what a write did is read back with independent SQL, and the
 * tables' checks and foreign keys are shown refusing what the API refuses.
 */
describe('governance queries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let em: EntityManager;
  let instances: InstanceQueries;
  let meetings: MeetingQueries;
  let decisions: DecisionQueries;
  let read: GovernanceQueries;
  let roadmapId: string;
  let otherRoadmapId: string;

  const inTx = <T>(work: (tx: EntityManager) => Promise<T>) => em.fork().transactional(work);
  const key = async (kitKey: string) => (await db.query<{ id: string }>('select id from action where kit_key = $1', [kitKey]))[0].id;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    em = orm.em.fork();
    const sql = new Sql(em);
    instances = new InstanceQueries(sql);
    meetings = new MeetingQueries(sql);
    decisions = new DecisionQueries(sql);
    read = new GovernanceQueries(meetings, decisions);
    [{ id: roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    otherRoadmapId = await nextMandate(db);
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it('lists instances by name with their meeting counts; inserts, renames, refuses a name taken in any case, deletes', async () => {
    expect((await instances.list(roadmapId)).map((i) => [i.name, i.meetings])).toEqual([
      ['Comité de pilotage', 2],
      ['Comité technique', 2],
      ['Instance éthique', 1],
    ]);
    expect(await instances.roadmapExists(roadmapId)).toBe(true);
    expect(await instances.roadmapExists('00000000-0000-4000-8000-000000000000')).toBe(false);
    const id = await instances.insert(roadmapId, 'Comité des usagers', null);
    expect(await instances.update(id, undefined, 'Les usagers')).toBe(true);
    expect(await instances.one(id)).toEqual({
      id,
      roadmap_id: roadmapId,
      name: 'Comité des usagers',
      description: 'Les usagers',
      meetings: 0,
    });
    expect(await instances.update(id, 'Comité des usagers (2)', undefined)).toBe(true);
    expect((await instances.one(id))?.description).toBe('Les usagers');
    await expect(instances.insert(roadmapId, 'COMITÉ TECHNIQUE', null)).rejects.toMatchObject({ code: '23505' });
    await instances.insert(otherRoadmapId, 'Comité technique', null); // another roadmap: the name is free
    await instances.remove(id);
    expect(await instances.one(id)).toBeUndefined();
    expect(await instances.update(id, 'X', undefined)).toBe(false);
  });

  it('reads meetings newest first, the next on or after a day, the last on or before, and one with its lists', async () => {
    const list = await meetings.list(roadmapId);
    expect(list.map((m) => m.date)).toEqual(['2027-01-21', '2026-10-08', '2026-06-25', '2025-12-11', '2025-04-10']);
    expect((await meetings.firstFrom(roadmapId, '2026-10-08', false))?.date).toBe('2026-10-08');
    expect((await meetings.firstFrom(roadmapId, '2026-10-08', true))?.date).toBe('2027-01-21');
    expect(await meetings.firstFrom(roadmapId, '2027-01-22', false)).toBeUndefined();
    expect((await meetings.lastUntil(roadmapId, '2026-10-07'))?.date).toBe('2026-06-25');
    expect(await meetings.lastUntil(roadmapId, '2025-04-09')).toBeUndefined();
    const copil = list[2];
    expect(copil).toMatchObject({
      instance_name: 'Comité de pilotage',
      title: 'Validation de la feuille de route du mandat',
      decisions: 2,
    });
    expect((await meetings.attendees(copil.id)).map((a) => a.name)).toEqual([
      'Yannick Kerhervé',
      'Camille Le Goff',
      'Olivier Pellen',
      'Nathalie Cariou',
      'Maïl Le Berre (direction générale des services)',
    ]);
    const agenda = await meetings.agenda(copil.id);
    expect(agenda.map((g) => [g.item_type, g.item_title])).toEqual([
      ['action', 'Faire voter une délibération de principe par le conseil'],
      ['action', 'Inscrire une ligne budgétaire dédiée au budget primitif'],
      ['action', 'Installer le comité de pilotage du service'],
    ]);
  });

  it('writes a meeting and rewrites its lists; moves its version only when the version read is current; its decisions outlive it', async () => {
    const [instance] = await instances.list(roadmapId);
    const action = await key('centrale.cartographier-donnees');
    const [lead] = await db.query<{ id: string; name: string }>(
      `select id, name from account where email = 'camille.legoff@brest.example'`,
    );
    const id = await inTx(async (tx) => {
      const id = await meetings.insert(roadmapId, { instanceId: instance.id, date: '2026-12-01', title: null, minutes: null }, null, tx);
      await meetings.replaceAttendees(
        id,
        [
          { accountId: lead.id, name: lead.name },
          { accountId: null, name: 'Invité' },
        ],
        tx,
      );
      await meetings.replaceAgenda(
        id,
        [
          { label: 'Cartographie', itemType: 'action', itemId: action },
          { label: 'Divers', itemType: null, itemId: null },
        ],
        tx,
      );
      return id;
    });
    expect(await db.query('select position, account_id, name from meeting_attendee where meeting_id = $1 order by position', [id])).toEqual(
      [
        { position: 1, account_id: lead.id, name: lead.name },
        { position: 2, account_id: null, name: 'Invité' },
      ],
    );
    expect((await meetings.agenda(id)).map((g) => [g.label, g.item_id])).toEqual([
      ['Cartographie', action],
      ['Divers', null],
    ]);
    const values = { instanceId: instance.id, date: '2026-12-02', title: 'T', minutes: 'M' };
    expect(await inTx((tx) => meetings.update(id, 1, values, tx))).toBe(2);
    expect(await inTx((tx) => meetings.update(id, 1, values, tx))).toBeUndefined();
    expect(await inTx((tx) => meetings.one(id, tx, true))).toMatchObject({ date: '2026-12-02', title: 'T', minutes: 'M', version: 2 });
    await inTx((tx) => meetings.replaceAttendees(id, [], tx));
    expect(await meetings.attendees(id)).toEqual([]);
    const decisionId = await inTx((tx) =>
      decisions.insert(roadmapId, { meetingId: id, date: '2026-12-02', kind: 'budget', text: 'B' }, null, tx),
    );
    expect(await meetings.remove(id)).toBe(true);
    expect(await meetings.remove(id)).toBe(false);
    expect(await decisions.one(decisionId)).toMatchObject({ meeting_id: null, meeting_date: null, date: '2026-12-02' });
    expect(await db.query('select count(*)::int n from agenda_item where meeting_id = $1', [id])).toEqual([{ n: 0 }]);
  });

  it('filters decisions (since, until, after, item, meeting) newest first, with their items; checks items of the roadmap', async () => {
    expect((await decisions.list(roadmapId)).map((d) => d.date)).toEqual([
      '2026-12-02',
      '2026-10-08',
      '2026-06-25',
      '2026-06-25',
      '2025-12-11',
      '2025-04-10',
    ]);
    expect((await decisions.list(roadmapId, { since: '2026-06-25', until: '2026-10-08' })).map((d) => d.kind).sort()).toEqual([
      'budget',
      'replanification',
      'validation',
    ]);
    expect((await decisions.list(roadmapId, { after: '2026-06-25', until: '2026-10-08' })).map((d) => d.kind)).toEqual(['replanification']);
    const registre = await key('juridique.mettre-a-jour-registre');
    const about = await decisions.list(roadmapId, { itemId: registre });
    expect(about.map((d) => d.kind)).toEqual(['replanification']);
    const items = await decisions.items(about.map((d) => d.id));
    expect(items.map((i) => [i.item_type, i.title])).toEqual([
      ['action', 'Mettre à jour le registre des traitements de données personnelles'],
      ['milestone', 'Registre des traitements à jour'],
    ]);
    expect(await decisions.items([])).toEqual([]);
    const milestone = (await db.query<{ id: string }>(`select id from milestone where kit_key = 'juridique.registre-a-jour'`))[0].id;
    const found = await inTx((tx) =>
      decisions.itemsOf(
        roadmapId,
        [
          { type: 'action', id: registre },
          { type: 'action', id: milestone },
          { type: 'milestone', id: milestone },
        ],
        tx,
      ),
    );
    expect(found).toEqual([
      { type: 'action', id: registre },
      { type: 'milestone', id: milestone },
    ]);
    expect(await inTx((tx) => decisions.itemsOf(otherRoadmapId, [{ type: 'action', id: registre }], tx))).toEqual([]);
  });

  it('writes a decision, adds items once each, replaces them, deletes it; the table refuses an unknown kind and a blank text', async () => {
    const registre = await key('juridique.mettre-a-jour-registre');
    const id = await inTx(async (tx) => {
      const id = await decisions.insert(roadmapId, { meetingId: null, date: '2026-12-05', kind: 'arbitrage', text: 'A' }, null, tx);
      await decisions.addItems(id, [{ type: 'action', id: registre }], tx);
      await decisions.addItems(id, [{ type: 'action', id: registre }], tx); // already there: left as it is
      return id;
    });
    expect((await decisions.items([id])).map((i) => i.item_id)).toEqual([registre]);
    await inTx(async (tx) => {
      await decisions.update(id, { meetingId: null, date: '2026-12-06', kind: 'validation', text: 'B' }, tx);
      await decisions.clearItems(id, tx);
    });
    expect(await decisions.one(id)).toMatchObject({ date: '2026-12-06', kind: 'validation', text: 'B' });
    expect(await decisions.items([id])).toEqual([]);
    expect(await inTx((tx) => decisions.isOf('decision', id, roadmapId, tx))).toBe(true);
    expect(await decisions.isOf('decision', id, otherRoadmapId)).toBe(false);
    expect(await decisions.remove(id)).toBe(true);
    await expect(
      db.query(`insert into decision (roadmap_id, date, kind, text) values ($1, '2026-01-01', 'vote', 'T')`, [roadmapId]),
    ).rejects.toThrow(/decision_kind_check/);
    await expect(
      db.query(`insert into decision (roadmap_id, date, kind, text) values ($1, '2026-01-01', 'budget', '  ')`, [roadmapId]),
    ).rejects.toThrow(/decision_text_check/);
  });

  it('keeps a meeting’s instance and a decision’s meeting in the same roadmap (composite foreign keys)', async () => {
    const [instance] = await instances.list(roadmapId);
    await expect(
      db.query(`insert into meeting (roadmap_id, instance_id, date) values ($1, $2, '2032-01-01')`, [otherRoadmapId, instance.id]),
    ).rejects.toThrow(/meeting_instance_foreign/);
    const [meeting] = await meetings.list(roadmapId);
    await expect(
      db.query(`insert into decision (roadmap_id, meeting_id, date, kind, text) values ($1, $2, '2032-01-01', 'budget', 'T')`, [
        otherRoadmapId,
        meeting.id,
      ]),
    ).rejects.toThrow(/decision_meeting_foreign/);
    await expect(db.query('delete from governance_instance where id = $1', [instance.id])).rejects.toThrow(/meeting_instance_foreign/);
  });

  it('reads views: decisions between two days, the last meeting on or before a day, the next strictly after', async () => {
    // the budget decision of 2026-12-02 outlived its meeting (deleted above)
    expect((await read.decisionsBetween(roadmapId, '2026-06-25', '2026-12-31')).map((d) => d.kind)).toEqual(['budget', 'replanification']);
    const all = await read.decisionsBetween(roadmapId, null, '2026-06-25');
    expect(all.map((d) => d.date)).toEqual(['2026-06-25', '2026-06-25', '2025-12-11', '2025-04-10']);
    expect(all.find((d) => d.kind === 'validation')).toMatchObject({ meeting: { date: '2026-06-25', instanceName: 'Comité de pilotage' } });
    expect(await read.lastMeetingOnOrBefore(roadmapId, '2026-12-31')).toMatchObject({
      date: '2026-10-08',
      instance: { name: 'Comité technique' },
    });
    expect(await read.nextMeetingAfter(roadmapId, '2026-10-08')).toMatchObject({ date: '2027-01-21', decisions: 0 });
    expect(await read.nextMeetingAfter(roadmapId, '2027-01-21')).toBeNull();
    expect(await read.lastMeetingOnOrBefore(roadmapId, '2025-01-01')).toBeNull();
  });

  it('cites a decision of the roadmap in a transaction (the item added to it once), and refuses one of another roadmap (422 on decisionId)', async () => {
    const [v1] = (await decisions.list(roadmapId)).filter((d) => d.kind === 'validation');
    const action = await key('centrale.cartographier-donnees');
    expect(await inTx((tx) => citeDecision(tx, roadmapId, v1.id, { type: 'action', id: action }))).toBe(v1.id);
    await inTx((tx) => citeDecision(tx, roadmapId, v1.id, { type: 'action', id: action }));
    expect((await decisions.items([v1.id])).filter((i) => i.item_id === action)).toHaveLength(1);
    expect(await inTx((tx) => citeDecision(tx, roadmapId, undefined))).toBeNull();
    await expect(inTx((tx) => citeDecision(tx, otherRoadmapId, v1.id))).rejects.toMatchObject({
      response: { statusCode: 422, errors: [{ field: 'decisionId', message: 'Décision inconnue dans cette feuille de route.' }] },
    });
  });

  it('goes with its roadmap: deleting a roadmap takes its instances, meetings and decisions (the composite keys allow it)', async () => {
    const count = async () =>
      (
        await db.query<{ n: number }>(
          `select (select count(*) from governance_instance where roadmap_id = $1) + (select count(*) from meeting where roadmap_id = $1)
                + (select count(*) from decision where roadmap_id = $1) as n`,
          [roadmapId],
        )
      )[0].n;
    expect(Number(await count())).toBeGreaterThan(0);
    await db.query('delete from roadmap where id = $1', [roadmapId]);
    expect(Number(await count())).toBe(0);
  });
});
