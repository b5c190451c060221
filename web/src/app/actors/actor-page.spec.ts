import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { CurrentRoadmap } from '../data/current-roadmap';
import { must, text } from '../testing/dom';
import { aRoadmap } from '../testing/factories';
import { refusal, setUpRoutedTest } from '../testing/http';
import { aMe } from '../testing/session';
import { ActorPage } from './actor-page';
import { anActorDetail, anAssessment } from './testing/factories';

@Component({ template: '<h1>Registre</h1>' })
class RegisterStub {}

const DETAIL = anActorDetail({
  id: 'ac-1',
  name: 'DSIT',
  referent: null,
  version: 3,
  assessments: [
    anAssessment({ id: 'as-1', on: '2025-10-15', maturity: 3, ambition: 4, axes: { donnees: { maturity: 4, ambition: 5 } } }),
    anAssessment({ id: 'as-2', on: '2026-10-01', maturity: 4, ambition: 5, assessedBy: 'Camille Le Goff', comment: 'Après l’atelier' }),
  ],
  targetedBy: [{ id: 'act-7', title: 'Désigner un référent données dans chaque direction', functionId: 'fn-1' }],
});

describe('ActorPage — an actor of the diagnostic', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  const page = () => must(harness.routeNativeElement, 'page');

  async function open(url: string, me = aMe()): Promise<void> {
    http = setUpRoutedTest(
      [
        { path: 'r/:slug/acteurs', component: RegisterStub },
        { path: 'r/:slug/acteurs/nouveau', component: ActorPage, resolve: { roadmap: () => 'rm-1' } },
        { path: 'r/:slug/acteurs/:actorId', component: ActorPage, resolve: { roadmap: () => 'rm-1' } },
      ],
      me,
    );
    TestBed.inject(CurrentRoadmap).set(aRoadmap({ id: 'rm-1', slug: 'brest-2026-2032' }));
    harness = await RouterTestingHarness.create(url);
  }
  async function openActor(me = aMe(), detail = DETAIL): Promise<void> {
    await open('/r/brest-2026-2032/acteurs/ac-1', me);
    http.expectOne('/api/actors/ac-1').flush(detail);
    await harness.fixture.whenStable();
  }
  afterEach(() => http.verify());

  const byId = <T extends HTMLElement>(id: string) => must(page().querySelector<T>(`[id="${id}"]`), id);
  async function type(id: string, value: string, event = 'input'): Promise<void> {
    const el = byId<HTMLInputElement>(id);
    el.value = value;
    el.dispatchEvent(new Event(event));
    await harness.fixture.whenStable();
  }
  /** chooses the option of a select by the text it shows */
  async function pick(id: string, label: string): Promise<void> {
    const select = byId<HTMLSelectElement>(id);
    const option = must(
      Array.from(select.options).find((o) => text(o) === label),
      `${id}: ${label}`,
    );
    select.value = option.value;
    select.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();
  }
  /** the record's facts, each term with its description */
  const facts = () =>
    Object.fromEntries(
      Array.from(page().querySelectorAll('[data-testid="actor-facts"] dt')).map((dt) => [text(dt), text(dt.nextElementSibling)]),
    );
  async function tick(id: string, on = true): Promise<void> {
    const box = byId<HTMLInputElement>(id);
    if (box.checked !== on) box.click();
    await harness.fixture.whenStable();
  }
  async function submit(testId: string): Promise<void> {
    must(page().querySelector(`[data-testid="${testId}"]`), testId).dispatchEvent(new Event('submit', { cancelable: true }));
    await harness.fixture.whenStable();
  }

  it('shows the record, the assessments oldest first with their axes, and the actions targeting it', async () => {
    await openActor(aMe({ role: 'elected' }));
    expect(text(page().querySelector('h1'))).toBe('DSIT');
    expect(facts()).toEqual({
      Type: 'Direction',
      Groupe: 'Leaders',
      'Référent·e données': 'aucun·e',
      'Rencontré le': '15/10/2025',
      Atelier: 'a participé',
      Besoins: 'Compétences',
      'Données détenues': 'Données métiers, Données géographiques',
      'Données personnelles': 'oui',
      'Données sensibles': 'non',
    });
    const rows = Array.from(page().querySelectorAll('[data-testid="assessments"] tbody tr'));
    expect(rows.map((r) => text(r.querySelector('th')))).toEqual(['15/10/2025', '01/10/2026']);
    expect(Array.from(rows[0].querySelectorAll('td')).map((c) => text(c))).toEqual([
      '3',
      '4',
      'Leaders',
      'Données : 4 / 5',
      'Équipe INET',
      '—',
    ]);
    expect(text(rows[1].querySelectorAll('td')[5])).toBe('Après l’atelier');
    const link = must(page().querySelector('[data-testid="targeting-actions"] a'));
    expect(text(link)).toBe('Désigner un référent données dans chaque direction');
    expect(link.getAttribute('href')).toBe('/r/brest-2026-2032/actions/act-7');
  });

  it('is read-only for elected officials and function owners: no form, no deletion', async () => {
    for (const me of [aMe({ role: 'elected' }), aMe({ role: 'owner', functionIds: ['fn-1'] })]) {
      TestBed.resetTestingModule();
      await openActor(me);
      expect(page().querySelector('form')).toBeNull();
      expect(page().querySelector('button')).toBeNull();
      expect(text(page().querySelector('[data-testid="read-only"]'))).toContain('Consultation seule');
    }
    TestBed.resetTestingModule();
    await open('/r/brest-2026-2032/acteurs/nouveau', aMe({ role: 'elected' }));
    expect(page().querySelector('form')).toBeNull();
    expect(text(page().querySelector('[data-testid="not-allowed"]'))).toContain('Seul·e la ou le chef·fe de projet');
  });

  it('lets the lead add an actor, then opens its page', async () => {
    await open('/r/brest-2026-2032/acteurs/nouveau');
    expect(text(page().querySelector('h1'))).toBe('Nouvel acteur');
    await type('acteur-name', 'Service SIG');
    await type('acteur-kind', 'direction', 'change');
    await type('acteur-metOn', '2025-10-20');
    await tick('acteur-workshop');
    await tick('acteur-needs-ingenierie');
    await tick('acteur-needs-competences');
    await tick('acteur-dataTypes-geographiques');
    await tick('acteur-personalData');
    await submit('actor-form');
    const post = http.expectOne({ method: 'POST', url: '/api/roadmaps/rm-1/actors' });
    expect(post.request.body).toEqual({
      name: 'Service SIG',
      kind: 'direction',
      referent: null,
      metOn: '2025-10-20',
      workshop: true,
      needs: ['competences', 'ingenierie'],
      dataTypes: ['geographiques'],
      personalData: true,
      sensitiveData: false,
      groupOverride: null,
    });
    post.flush(
      ...refusal(
        409,
        'actor_name_taken',
        'Un acteur s’appelle déjà « Service SIG » dans cette feuille de route : choisissez un autre nom.',
        {
          errors: [{ field: 'name', message: 'Ce nom est déjà pris dans cette feuille de route.' }],
        },
      ),
    );
    await harness.fixture.whenStable();
    expect(byId('acteur-name').getAttribute('aria-invalid')).toBe('true');
    expect(text(byId('acteur-name-error'))).toBe('Ce nom est déjà pris dans cette feuille de route.');
    await type('acteur-name', 'Service SIG (Brest métropole)');
    await submit('actor-form');
    const again = http.expectOne({ method: 'POST', url: '/api/roadmaps/rm-1/actors' });
    expect(again.request.body.name).toBe('Service SIG (Brest métropole)');
    again.flush(anActorDetail({ id: 'ac-9', name: 'Service SIG', assessments: [] }));
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/r/brest-2026-2032/acteurs/ac-9');
    http.expectOne('/api/actors/ac-9').flush(anActorDetail({ id: 'ac-9', name: 'Service SIG', assessments: [] }));
    await harness.fixture.whenStable();
    expect(text(page().querySelector('h1'))).toBe('Service SIG');
    expect(text(page().querySelector('.notice--success'))).toContain('Acteur ajouté au registre');
    expect(text(page().querySelector('[data-testid="no-assessment"]'))).toBe('Pas encore d’évaluation.');
  });

  it('says a stale version: reload, then do the change again', async () => {
    await openActor();
    await type('acteur-referent', 'Anne Le Roux');
    await submit('actor-form');
    http
      .expectOne({ method: 'PATCH', url: '/api/actors/ac-1' })
      .flush(...refusal(409, 'version_conflict', 'Cet acteur a changé entre-temps (version 4).', { currentVersion: 4 }));
    await harness.fixture.whenStable();
    expect(text(page().querySelector('[role="alert"]'))).toContain('rechargez la page');
    expect(byId('acteur-referent').getAttribute('aria-invalid')).toBeNull();
  });

  it('edits only what changed, and shows the API’s refusal on its field with the keyboard there', async () => {
    await openActor();
    await type('acteur-referent', 'Anne Le Roux');
    await tick('acteur-override');
    await type('acteur-overrideGroup', 'median', 'change');
    await submit('actor-form');
    const patch = http.expectOne({ method: 'PATCH', url: '/api/actors/ac-1' });
    expect(patch.request.body).toEqual({ version: 3, referent: 'Anne Le Roux', groupOverride: { group: 'median', reason: '' } });
    patch.flush(
      ...refusal(400, 'validation_failed', 'Requête invalide.', {
        errors: [{ field: 'groupOverride.reason', message: 'reason doit expliquer le choix du groupe en 1 à 500 caractères.' }],
      }),
    );
    await harness.fixture.whenStable();
    const reason = byId('acteur-overrideReason');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(reason.getAttribute('aria-describedby')).toBe('acteur-overrideReason-error acteur-overrideReason-hint');
    expect(text(byId('acteur-overrideReason-error'))).toBe('reason doit expliquer le choix du groupe en 1 à 500 caractères.');
    expect(byId('acteur-referent').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(reason);

    await type('acteur-overrideReason', 'Dépend de la stratégie commune');
    await submit('actor-form');
    http.expectOne({ method: 'PATCH', url: '/api/actors/ac-1' }).flush(anActorDetail({ ...DETAIL, referent: 'Anne Le Roux', version: 4 }));
    await harness.fixture.whenStable();
    http.expectOne('/api/actors/ac-1').flush(anActorDetail({ ...DETAIL, referent: 'Anne Le Roux', version: 4 }));
    await harness.fixture.whenStable();
    expect(facts()['Référent·e données']).toBe('Anne Le Roux');
    expect(text(page())).toContain('Acteur enregistré.');
  });

  it('adds an assessment, scored by axis when asked, and says a day already assessed on the date', async () => {
    await openActor();
    await type('evaluation-on', '2027-03-01');
    await pick('evaluation-maturity', '2');
    await pick('evaluation-ambition', '4');
    await pick('evaluation-axe-outils-maturity', '2');
    await submit('assessment-form');
    http.expectNone({ method: 'POST' });
    expect(text(byId('evaluation-axes'))).toBe('Notez la maturité et l’ambition de l’axe « Outils », ou aucune des deux.');

    await pick('evaluation-axe-outils-ambition', '5');
    await submit('assessment-form');
    const post = http.expectOne({ method: 'POST', url: '/api/actors/ac-1/assessments' });
    expect(post.request.body).toEqual({
      on: '2027-03-01',
      maturity: 2,
      ambition: 4,
      axes: { outils: { maturity: 2, ambition: 5 } },
      assessedBy: 'Camille Le Goff',
    });
    post.flush(
      ...refusal(409, 'assessment_exists', 'Cet acteur a déjà une évaluation le 2027-03-01 : supprimez-la ou choisissez un autre jour.', {
        errors: [{ field: 'on', message: 'Une évaluation existe déjà ce jour-là.' }],
      }),
    );
    await harness.fixture.whenStable();
    expect(byId('evaluation-on').getAttribute('aria-invalid')).toBe('true');
    expect(text(byId('evaluation-on-error'))).toBe('Une évaluation existe déjà ce jour-là.');
    expect(document.activeElement).toBe(byId('evaluation-on'));

    await type('evaluation-on', '2027-03-02');
    await submit('assessment-form');
    http.expectOne({ method: 'POST', url: '/api/actors/ac-1/assessments' }).flush(anAssessment({ id: 'as-3', on: '2027-03-02' }));
    await harness.fixture.whenStable();
    http.expectOne('/api/actors/ac-1').flush(DETAIL);
    await harness.fixture.whenStable();
    expect(text(page())).toContain('Évaluation ajoutée.');
  });

  it('deletes an assessment once confirmed on its row', async () => {
    await openActor();
    const row = () => must(page().querySelector('tr[data-assessment="2025-10-15"]'));
    must(row().querySelector('button')).click();
    await harness.fixture.whenStable();
    const confirm = must(row().querySelector('button'));
    expect(text(confirm)).toBe('Confirmer la suppression 15/10/2025');
    expect(document.activeElement).toBe(confirm);
    confirm.click();
    http.expectOne({ method: 'DELETE', url: '/api/assessments/as-1' }).flush(null, { status: 204, statusText: 'No Content' });
    await harness.fixture.whenStable();
    http.expectOne('/api/actors/ac-1').flush({ ...DETAIL, assessments: DETAIL.assessments.slice(1) });
    await harness.fixture.whenStable();
    expect(page().querySelector('tr[data-assessment="2025-10-15"]')).toBeNull();
  });

  it('deletes the actor after a confirmation naming it, then opens the register', async () => {
    await openActor();
    must(page().querySelector<HTMLButtonElement>('[data-testid="delete-actor"]')).click();
    await harness.fixture.whenStable();
    expect(text(page().querySelector('#suppression-acteur-titre'))).toBe('Supprimer l’acteur « DSIT » ?');
    must(page().querySelector<HTMLButtonElement>('[data-testid="confirm-delete-actor"]')).click();
    http.expectOne({ method: 'DELETE', url: '/api/actors/ac-1' }).flush(null, { status: 204, statusText: 'No Content' });
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/r/brest-2026-2032/acteurs');
  });
});
