import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { CreateActionDto, UpdateActionDto } from './actions.dto';
import { CreateMilestoneDto, UpdateMilestoneDto } from './milestones.dto';

/** The messages a DTO gives for each refused field (each message once), with the API's pipe options. */
function refused<T extends object>(cls: new () => T, plain: object): Record<string, string[]> {
  const errors = validateSync(plainToInstance(cls, plain), { whitelist: true, forbidNonWhitelisted: true });
  return Object.fromEntries(errors.map((e) => [e.property, [...new Set(Object.values(e.constraints ?? {}))]]));
}

const VERSION = 'version doit être le numéro de version entier lu avec l’élément (pour éviter d’écraser une modification concurrente).';

describe('what actions and milestones share, checked alike in each', () => {
  const fn = '7b0c6f0e-1f7a-4a43-9c53-6a1c2f9b8d11';

  it('accepts a well-formed creation of either, and trims the title', () => {
    const action = plainToInstance(CreateActionDto, { functionId: fn, title: '  Charte  ', start: '2026-04-01', due: '2026-06-30' });
    expect(validateSync(action, { whitelist: true, forbidNonWhitelisted: true })).toEqual([]);
    expect(action.title).toBe('Charte');
    expect(refused(CreateMilestoneDto, { functionId: fn, title: 'Comité installé', date: '2026-09-30' })).toEqual({});
  });

  it('refuses, in both, a missing title, a function that is not an id, and an unknown field', () => {
    for (const [cls, own] of [
      [CreateActionDto, { start: '2026-04-01', due: '2026-06-30' }],
      [CreateMilestoneDto, { date: '2026-09-30' }],
    ] as Array<[new () => object, object]>) {
      expect(refused(cls, { functionId: 'juridique', ...own, phaseId: fn })).toEqual({
        functionId: ['functionId doit être un identifiant (UUID).'],
        title: ['title doit être un texte de 1 à 200 caractères.'],
        phaseId: ['property phaseId should not exist'],
      });
    }
  });

  it('requires, in both updates, the version read, and checks the shared fields only when sent', () => {
    expect(refused(UpdateActionDto, { title: '' })).toEqual({
      version: [VERSION],
      title: ['title doit être un texte de 1 à 200 caractères.'],
    });
    expect(refused(UpdateMilestoneDto, { version: 0, comment: 'x'.repeat(2001) })).toEqual({
      version: [VERSION],
      comment: ['comment doit être un texte de 2000 caractères au plus.'],
    });
    expect(refused(UpdateMilestoneDto, { version: 3, date: '2026-10-01' })).toEqual({});
    expect(refused(UpdateActionDto, { version: 3, volet: null })).toEqual({});
  });

  it('lists refused fields in the order of the form (function and title first), which the pages show', () => {
    const order = (cls: new () => object, plain: object) => validateSync(plainToInstance(cls, plain)).map((e) => e.property);
    expect(order(CreateActionDto, { functionId: 'x', volet: 'autre' })).toEqual(['functionId', 'title', 'start', 'due', 'volet']);
    expect(order(CreateMilestoneDto, { functionId: 'x', comment: 1 })).toEqual(['functionId', 'title', 'date', 'comment']);
  });
});
