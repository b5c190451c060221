import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { CreateActionDto, UpdateActionStatusDto } from './actions.dto';
import { CreateMilestoneDto } from './milestones.dto';
import { ActionFilterDto, VersionQueryDto } from './queries.dto';

/** The fields a DTO instance refuses, as the web form and the API both see them. */
function refused<T extends object>(cls: new () => T, plain: object): Record<string, string[]> {
  const errors = validateSync(plainToInstance(cls, plain), { whitelist: true, forbidNonWhitelisted: true });
  return Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {})]));
}

const action = {
  functionId: '3f1c2a54-0a8e-4d0e-9a51-0c8f2d7b9e11',
  title: 'Rédiger la charte',
  start: '2027-01-04',
  due: '2027-06-30',
};

describe('the contract DTOs', () => {
  it('accept a well-formed action', () => {
    expect(refused(CreateActionDto, action)).toEqual({});
    expect(refused(CreateActionDto, { ...action, ownerId: null, volet: null, status: 'en_cours', progress: 40 })).toEqual({});
  });

  it('refuse dates that are not calendar days, in French', () => {
    expect(refused(CreateActionDto, { ...action, start: '2027-02-29', due: '29/03/2027' })).toEqual({
      start: ['start doit être une date du calendrier au format AAAA-MM-JJ (années 1900 à 2999).'],
      due: ['due doit être une date du calendrier au format AAAA-MM-JJ (années 1900 à 2999).'],
    });
    expect(Object.keys(refused(CreateActionDto, { ...action, start: '0000-01-01', due: '3000-01-01' })).sort()).toEqual(['due', 'start']);
    expect(refused(CreateActionDto, { ...action, start: '2028-02-29', due: '2028-03-01' })).toEqual({});
  });

  it('refuse an unknown field, a progress outside 0–100, an unknown status', () => {
    const r = refused(CreateActionDto, { ...action, phase: 'emergence', progress: 120, status: 'finie' });
    expect(Object.keys(r).sort()).toEqual(['phase', 'progress', 'status']);
    expect(r['progress']).toContain('progress doit être un entier de 0 à 100.');
  });

  it('trim texts before checking them, count characters as PostgreSQL does, refuse NUL', () => {
    const dto = plainToInstance(CreateActionDto, { ...action, title: '  Charte  ' });
    expect(validateSync(dto)).toEqual([]);
    expect(dto.title).toBe('Charte');
    expect(refused(CreateActionDto, { ...action, title: '   ' })).toEqual({ title: ['title doit être un texte de 1 à 200 caractères.'] });
    expect(refused(CreateActionDto, { ...action, title: 'é'.repeat(200) })).toEqual({});
    expect(refused(CreateActionDto, { ...action, title: 'a\uFE0F'.repeat(100) })).toEqual({});
    expect(refused(CreateActionDto, { ...action, title: 'a\uFE0F'.repeat(101) })).toHaveProperty('title');
    expect(refused(CreateActionDto, { ...action, comment: 'x\u0000y' })).toHaveProperty('comment');
  });

  it('require the version read with the item on a status update', () => {
    expect(Object.keys(refused(UpdateActionStatusDto, { status: 'terminee', progress: 100 }))).toEqual(['version']);
    expect(refused(UpdateActionStatusDto, { version: 3, status: 'terminee', progress: 100, comment: 'ok' })).toEqual({});
  });

  it('read a comma-separated status filter and a version from the query string', () => {
    const filter = plainToInstance(ActionFilterDto, { status: 'en_cours, bloquee' });
    expect(filter.status).toEqual(['en_cours', 'bloquee']);
    expect(validateSync(filter)).toEqual([]);
    expect(refused(ActionFilterDto, { status: 'en_cours,fini' })).toHaveProperty('status');
    expect(plainToInstance(VersionQueryDto, { version: '4' }).version).toBe(4);
    expect(refused(VersionQueryDto, { version: 'x' })).toHaveProperty('version');
  });

  it('accept a milestone without achievement, and refuse a malformed one', () => {
    expect(refused(CreateMilestoneDto, { functionId: action.functionId, title: 'Comité installé', date: '2026-09-30' })).toEqual({});
    expect(Object.keys(refused(CreateMilestoneDto, { functionId: 'x', title: '', date: '2026-09-31', achievedOn: 'hier' })).sort()).toEqual(
      ['achievedOn', 'date', 'functionId', 'title'],
    );
  });
});
