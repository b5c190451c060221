import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { ValidationError } from 'class-validator';

import { ActionTargetsDto, CreateActorDto, CreateAssessmentDto, FigureTargetDto, UpdateActorDto } from './actors.dto';

function flatten(errors: ValidationError[], prefix = ''): [string, string[]][] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own: [string, string[]][] = e.constraints ? [[field, Object.values(e.constraints)]] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** The fields a DTO instance refuses (nested ones as `a.b`), as the API's pipe reports them. */
function refused<T extends object>(cls: new () => T, plain: object): Record<string, string[]> {
  return Object.fromEntries(flatten(validateSync(plainToInstance(cls, plain), { whitelist: true, forbidNonWhitelisted: true })));
}

const actor = { name: 'Direction des systèmes d’information', kind: 'direction' };
const assessment = { on: '2026-10-15', maturity: 3, ambition: 4, assessedBy: 'Équipe diagnostic' };

describe('the actors DTOs', () => {
  it('accept a minimal actor and a complete one', () => {
    expect(refused(CreateActorDto, actor)).toEqual({});
    expect(
      refused(CreateActorDto, {
        ...actor,
        referent: 'Anne Le Gall',
        metOn: '2025-02-10',
        workshop: true,
        needs: ['competences', 'ingenierie'],
        dataTypes: ['metiers', 'commande-publique'],
        personalData: true,
        sensitiveData: false,
        groupOverride: { group: 'leaders', reason: 'Porte le SIG' },
      }),
    ).toEqual({});
    expect(refused(CreateActorDto, { ...actor, referent: null, metOn: null, groupOverride: null })).toEqual({});
  });

  it('refuse a wrong kind, need, data type, in French, naming the choices', () => {
    const r = refused(CreateActorDto, { ...actor, kind: 'service', needs: ['argent'], dataTypes: ['rh'] });
    expect(r['kind']).toEqual(['kind doit valoir l’un de : direction, operateur, partenaire, expert.']);
    expect(r['needs']).toEqual(['needs doit être une liste prise parmi : competences, ingenierie, moyens, infrastructures, strategie.']);
    expect(r['dataTypes']).toEqual(['dataTypes doit être une liste prise parmi : metiers, geographiques, financieres, commande-publique.']);
  });

  it('refuse an empty name, an empty référent, a date that is not a day', () => {
    const r = refused(CreateActorDto, { ...actor, name: '  ', referent: '', metOn: '2025-02-30' });
    expect(Object.keys(r).sort()).toEqual(['metOn', 'name', 'referent']);
    expect(r['name']).toEqual(['name doit être un texte de 1 à 150 caractères.']);
  });

  it('want a reason with an override, and a known group', () => {
    expect(refused(CreateActorDto, { ...actor, groupOverride: { group: 'leaders' } })).toEqual({
      'groupOverride.reason': ['reason doit expliquer le choix du groupe en 1 à 500 caractères.'],
    });
    expect(refused(CreateActorDto, { ...actor, groupOverride: { group: 'leaders', reason: 'x'.repeat(501) } })).toHaveProperty([
      'groupOverride.reason',
    ]);
    expect(refused(CreateActorDto, { ...actor, groupOverride: { group: 'top', reason: 'x' } })).toHaveProperty(['groupOverride.group']);
    expect(refused(CreateActorDto, { ...actor, groupOverride: 'leaders' })).toEqual({
      groupOverride: ['groupOverride doit être un objet { group, reason } ou null.'],
    });
  });

  it('want the version on a change, every other field optional', () => {
    expect(Object.keys(refused(UpdateActorDto, { name: 'DSI' }))).toEqual(['version']);
    expect(refused(UpdateActorDto, { version: 2 })).toEqual({});
    expect(refused(UpdateActorDto, { version: 2, groupOverride: null, referent: null })).toEqual({});
  });

  it('accept an assessment with or without axes', () => {
    expect(refused(CreateAssessmentDto, assessment)).toEqual({});
    expect(refused(CreateAssessmentDto, { ...assessment, axes: { strategie: { maturity: 1, ambition: 5 } }, comment: null })).toEqual({});
  });

  it('refuse scores of 0 and 6 and 2.5, field by field', () => {
    expect(refused(CreateAssessmentDto, { ...assessment, maturity: 0, ambition: 6 })).toEqual({
      maturity: ['maturity doit être une note entière de 1 à 5.'],
      ambition: ['ambition doit être une note entière de 1 à 5.'],
    });
    expect(refused(CreateAssessmentDto, { ...assessment, axes: { outils: { maturity: 2.5, ambition: 3 } } })).toEqual({
      'axes.outils.maturity': ['maturity doit être une note entière de 1 à 5.'],
    });
  });

  it('refuse an unknown axis, naming the axes', () => {
    const r = refused(CreateAssessmentDto, { ...assessment, axes: { budget: { maturity: 3, ambition: 3 } } });
    expect(r['axes']).toEqual(['axes ne peut noter que les axes : strategie, gouvernance, competences, outils, donnees.']);
    expect(Object.keys(r).sort()).toEqual(['axes', 'axes.budget']);
  });

  it('want who assessed and the day', () => {
    expect(Object.keys(refused(CreateAssessmentDto, { maturity: 3, ambition: 3 })).sort()).toEqual(['assessedBy', 'on']);
  });

  it('bound a target’s value and day', () => {
    expect(refused(FigureTargetDto, { value: 72.5, on: '2028-12-31' })).toEqual({});
    expect(Object.keys(refused(FigureTargetDto, { value: -1, on: 'demain' })).sort()).toEqual(['on', 'value']);
    expect(Object.keys(refused(FigureTargetDto, { value: '50', on: '2028-12-31' }))).toEqual(['value']);
  });

  it('want the actors of an action as a list of UUIDs', () => {
    expect(refused(ActionTargetsDto, { actorIds: [] })).toEqual({});
    expect(refused(ActionTargetsDto, { actorIds: ['x'] })).toHaveProperty('actorIds');
  });
});
