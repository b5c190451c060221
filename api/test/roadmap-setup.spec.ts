import { chronogramOf } from '@jalons/contract';
import { join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ApiError, ChronogramView, RoadmapDetailView, RoadmapPreviewView, RoadmapSummaryView } from '@jalons/contract';
import { PHASE_CODES } from '@jalons/domain';

import { createTestApp } from './app';
import { ensureAccount, signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/*
 * A new roadmap from the kit over HTTP: the preview says what the creation then writes (read back
 * from the database, not from the plan), refusals write nothing, and the roadmap reads back like Brest.
 */
const QUIMPER = { territory: 'Ville de Quimper', firstRound: '2026-03-15', secondRound: '2026-03-22', nextElection: '2032-03-14' };

describe('creating a roadmap from the kit (POST /api/roadmaps, /api/roadmaps/preview)', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  let leadId: string;

  /** Rows of every table a creation writes: a refused request must leave them all as they were. */
  const counts = async () =>
    (
      await db.query<Record<string, string>>(
        `select (select count(*) from roadmap) roadmaps, (select count(*) from phase) phases, (select count(*) from target_function) functions,
                (select count(*) from action) actions, (select count(*) from milestone) milestones, (select count(*) from account) accounts,
                (select count(*) from change_history) history, (select count(*) from action_dependency) dependencies`,
      )
    )[0];

  beforeAll(async () => {
    process.env['SEEDS_DIR'] = join(__dirname, '..', '..', 'seeds');
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    lead = await signIn(app, db, 'lead');
    leadId = (await db.query<{ id: string }>(`select id from account where email = 'camille.legoff@brest.example'`))[0].id;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const preview = async (body: object, status = 200) => (await lead.post('/api/roadmaps/preview').send(body).expect(status)).body;

  it('previews the four phases around the second round, the slug, the label and the kit’s counts, and writes nothing', async () => {
    const before = await counts();
    const p = (await preview(QUIMPER)) as RoadmapPreviewView;
    expect(p).toMatchObject({
      slug: 'ville-de-quimper-2026-2032',
      territory: 'Ville de Quimper',
      mandateLabel: 'Mandat 2026–2032',
      electionDates: ['2026-03-15', '2026-03-22'],
      nextElectionDate: '2032-03-14',
      start: '2025-03-22',
      end: '2032-03-13',
      problems: [],
    });
    expect(p.phases.map((x) => [x.code, x.start, x.end])).toEqual([
      ['pre-electorale', '2025-03-22', '2026-03-21'],
      ['post-electorale', '2026-03-22', '2026-12-21'],
      ['emergence', '2026-12-22', '2028-12-21'],
      ['maturation', '2028-12-22', '2032-03-13'],
    ]);
    expect(p.counts).toEqual({ functions: 11, actions: 71, milestones: 21 });
    expect(await counts()).toEqual(before);
  });

  it('moves the phases with the second round: without one they pivot on the first', async () => {
    const one = (await preview({ ...QUIMPER, secondRound: null })) as RoadmapPreviewView;
    expect(one.electionDates).toEqual(['2026-03-15']);
    expect(one.phases[1]).toMatchObject({ code: 'post-electorale', start: '2026-03-15', end: '2026-12-14' });
    const two = (await preview(QUIMPER)) as RoadmapPreviewView;
    expect(two.phases[1]).toMatchObject({ code: 'post-electorale', start: '2026-03-22' });
  });

  it('defaults the next election to six years after the first round', async () => {
    const p = (await preview({ territory: 'Ville de Morlaix', firstRound: '2026-03-15' })) as RoadmapPreviewView;
    expect(p).toMatchObject({ nextElectionDate: '2032-03-15', slug: 'ville-de-morlaix-2026-2032', mandateLabel: 'Mandat 2026–2032' });
  });

  it('refuses dates that break a rule with a 422 on the field, and writes nothing', async () => {
    const before = await counts();
    const second = (
      await lead
        .post('/api/roadmaps')
        .send({ ...QUIMPER, secondRound: '2026-03-08' })
        .expect(422)
    ).body as ApiError;
    expect(second.errors).toEqual([
      { field: 'secondRound', message: 'Le second tour doit avoir lieu après le premier tour (15/03/2026).' },
    ]);
    const late = (await preview({ ...QUIMPER, secondRound: '2026-04-05' }, 422)) as ApiError;
    expect(late.errors?.[0].field).toBe('secondRound');
    const next = (
      await lead
        .post('/api/roadmaps')
        .send({ ...QUIMPER, nextElection: '2026-01-01' })
        .expect(422)
    ).body as ApiError;
    expect(next.errors).toEqual([{ field: 'nextElection', message: 'La prochaine élection doit venir après celle du 22/03/2026.' }]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a next election too close to leave time for maturation (422 on nextElection), and writes nothing', async () => {
    const before = await counts();
    // 9 + 24 months after the second round (22 March 2026): maturation would start on 22 December 2028
    const short = { ...QUIMPER, nextElection: '2028-12-22' };
    const refused = (await preview(short, 422)) as ApiError;
    expect(refused.errors).toEqual([
      {
        field: 'nextElection',
        message:
          'La prochaine élection est trop proche : la phase de maturation commencerait le 22/12/2028. Choisissez une date après celle-ci.',
      },
    ]);
    await lead.post('/api/roadmaps').send(short).expect(422);
    const p = (await preview({ ...short, nextElection: '2028-12-23' })) as RoadmapPreviewView;
    expect(p.phases[3]).toMatchObject({ code: 'maturation', start: '2028-12-22', end: '2028-12-22' });
    expect(p.problems).toEqual([]); // the kit's items are kept inside their phase
    expect(await counts()).toEqual(before);
  });

  it('refuses a malformed body with a 400 naming the field', async () => {
    for (const body of [
      { ...QUIMPER, territory: '  ' },
      { ...QUIMPER, territory: 'x'.repeat(201) },
      { ...QUIMPER, firstRound: '2026-02-30' },
      { ...QUIMPER, slug: 'Pas un slug' },
    ]) {
      const res = (await lead.post('/api/roadmaps').send(body).expect(400)).body as ApiError;
      expect(res.errors?.length).toBe(1);
    }
  });

  describe('once created', () => {
    let created: RoadmapSummaryView;
    let previewed: RoadmapPreviewView;

    beforeAll(async () => {
      previewed = (await preview(QUIMPER)) as RoadmapPreviewView;
      const before = await counts();
      created = (await lead.post('/api/roadmaps').send(QUIMPER).expect(201)).body as RoadmapSummaryView;
      expect(Number((await counts()).accounts)).toBe(Number(before.accounts)); // nobody created
    });

    it('answers the summary with its slug, the caller as project lead, the public page off', () => {
      expect(created).toMatchObject({
        slug: 'ville-de-quimper-2026-2032',
        territory: 'Ville de Quimper',
        mandateLabel: 'Mandat 2026–2032',
        electionDates: ['2026-03-15', '2026-03-22'],
        nextElectionDate: '2032-03-14',
        start: previewed.start,
        end: previewed.end,
        publicPage: false,
      });
      expect(created.projectLead?.id).toBe(leadId);
    });

    it('wrote what the preview said: its phases and, counted in the database, functions, actions and milestones', async () => {
      const phases = await db.query<{ code: string; name: string; start: string; end: string }>(
        `select code, name, to_char(start_date, 'YYYY-MM-DD') as start, to_char(end_date, 'YYYY-MM-DD') as end
         from phase where roadmap_id = $1 order by position`,
        [created.id],
      );
      expect(phases).toEqual(previewed.phases);
      const [n] = await db.query<Record<string, string>>(
        `select (select count(*) from target_function where roadmap_id = $1) functions, (select count(*) from action where roadmap_id = $1) actions,
                (select count(*) from milestone where roadmap_id = $1) milestones`,
        [created.id],
      );
      expect({ functions: Number(n.functions), actions: Number(n.actions), milestones: Number(n.milestones) }).toEqual(previewed.counts);
    });

    it('starts every kit item « à lancer », with no owner; records the creation with the caller in the history', async () => {
      const states = await db.query<{ status: string; progress: number; owners: string }>(
        `select status, progress, count(owner_id) as owners from action where roadmap_id = $1 group by status, progress`,
        [created.id],
      );
      expect(states).toEqual([{ status: 'a_lancer', progress: 0, owners: '0' }]);
      const [fnOwners] = await db.query<{ n: string }>('select count(owner_id) n from target_function where roadmap_id = $1', [created.id]);
      expect(fnOwners.n).toBe('0');
      const lines = await db.query<{ actor_id: string | null; n: string }>(
        `select actor_id, count(*) n from change_history where roadmap_id = $1 and field = 'created' group by actor_id`,
        [created.id],
      );
      expect(lines).toEqual([{ actor_id: leadId, n: String(previewed.counts.actions + previewed.counts.milestones) }]);
      const recent = (await lead.get(`/api/roadmaps/${created.id}/changes?limit=1`).expect(200)).body as Array<{
        actor: { id: string } | null;
      }>;
      expect(recent[0].actor?.id).toBe(leadId);
    });

    it('reads back through GET /api/roadmaps/:id, the list and its chronogram', async () => {
      const detail = (await lead.get(`/api/roadmaps/${created.id}`).expect(200)).body as RoadmapDetailView;
      expect(detail.phases.map((p) => p.code)).toEqual([...PHASE_CODES]);
      expect(detail.slug).toBe('ville-de-quimper-2026-2032');
      const list = (await lead.get('/api/roadmaps').expect(200)).body as RoadmapSummaryView[];
      expect(list.map((r) => r.slug).sort()).toEqual(['brest-2026-2032', 'ville-de-quimper-2026-2032']);
      const chrono = chronogramOf((await lead.get(`/api/roadmaps/${created.id}/chronogram`).expect(200)).body);
      expect(chrono.actions).toHaveLength(previewed.counts.actions);
      expect(chrono.milestones).toHaveLength(previewed.counts.milestones);
      expect(chrono.functions).toHaveLength(previewed.counts.functions);
    });

    it('refuses the same address again with a 409 on slug that names the roadmap holding it, and writes nothing', async () => {
      const before = await counts();
      const again = (await lead.post('/api/roadmaps').send(QUIMPER).expect(409)).body as ApiError;
      expect(again.error).toBe('slug_taken');
      expect(again.errors?.[0].field).toBe('slug');
      expect(again.message).toContain('Ville de Quimper — Mandat 2026–2032');
      const brest = (await preview({ ...QUIMPER, slug: 'brest-2026-2032' }, 409)) as ApiError;
      expect(brest.message).toContain('« brest-2026-2032 »');
      expect(await counts()).toEqual(before);
      // another address for the same territory and mandate is free
      const other = (await preview({ ...QUIMPER, slug: 'quimper-bis' })) as RoadmapPreviewView;
      expect(other.slug).toBe('quimper-bis');
    });
  });

  it('takes another project lead by account, refusing an account that is not an active lead (422 on projectLeadId)', async () => {
    const before = await counts();
    const ownerId = await ensureAccount(db, 'soizic.lebihan@brest.example', 'owner');
    const body = { ...QUIMPER, territory: 'Ville de Concarneau' };
    const refused = (
      await lead
        .post('/api/roadmaps')
        .send({ ...body, projectLeadId: ownerId })
        .expect(422)
    ).body as ApiError;
    expect(refused.errors?.[0].field).toBe('projectLeadId');
    expect(await counts()).toEqual(before);
    const otherLead = await ensureAccount(db, 'second.lead@test.example', 'lead');
    const made = (
      await lead
        .post('/api/roadmaps')
        .send({ ...body, projectLeadId: otherLead, mandateLabel: 'Mandature 2026-2032' })
        .expect(201)
    ).body as RoadmapSummaryView;
    expect(made).toMatchObject({ slug: 'ville-de-concarneau-2026-2032', mandateLabel: 'Mandature 2026-2032' });
    expect(made.projectLead?.id).toBe(otherLead);
  });

  it.each(['owner', 'elected', 'admin'] as const)('refuses the role %s (403) on both routes, and writes nothing', async (role) => {
    const agent = await signIn(app, db, role);
    const before = await counts();
    await agent.post('/api/roadmaps/preview').send(QUIMPER).expect(403);
    await agent
      .post('/api/roadmaps')
      .send({ ...QUIMPER, territory: 'Ville de Douarnenez' })
      .expect(403);
    expect(await counts()).toEqual(before);
  });
});
