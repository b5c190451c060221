import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { ValidationError } from 'class-validator';

import { CreateDecisionDto, CreateMeetingDto, UpdateDecisionDto, UpdateInstanceDto, UpdateMeetingDto } from './governance.dto';

/** Every refused field, nested ones as `list.0.field`, with its French messages. */
function refused<T extends object>(cls: new () => T, plain: object): Record<string, string[]> {
  const flat = (errors: ValidationError[], prefix = ''): Array<[string, string[]]> =>
    errors.flatMap((e) => {
      const field = prefix ? `${prefix}.${e.property}` : e.property;
      const own: Array<[string, string[]]> = e.constraints ? [[field, Object.values(e.constraints)]] : [];
      return [...own, ...flat(e.children ?? [], field)];
    });
  return Object.fromEntries(flat(validateSync(plainToInstance(cls, plain), { whitelist: true, forbidNonWhitelisted: true })));
}

const ID = '3f0c8a0e-8b7a-4c1e-9a57-7a3f2b0c9d11';

describe('the governance DTOs', () => {
  it('accept a meeting with accounts and free names, an agenda with and without item', () => {
    const meeting = {
      instanceId: ID,
      date: '2026-06-25',
      attendees: [{ accountId: ID }, { name: 'Maïl Le Berre' }],
      agenda: [{ label: 'Délibération', itemType: 'action', itemId: ID }, { label: 'Divers' }],
      minutes: 'Compte rendu.',
    };
    expect(refused(CreateMeetingDto, meeting)).toEqual({});
    expect(refused(UpdateMeetingDto, { version: 2, title: null, minutes: null })).toEqual({});
  });

  it('want exactly one of accountId and name for each attendee', () => {
    expect(refused(CreateMeetingDto, { instanceId: ID, date: '2026-06-25', attendees: [{ accountId: ID, name: 'X' }, {}] })).toEqual({
      'attendees.0.accountId': ['Chaque participant est soit un compte (accountId), soit un nom libre (name) — pas les deux.'],
      'attendees.1.name': ['name doit être un texte de 1 à 120 caractères.'],
    });
  });

  it('refuse a wrong kind, an empty or too long text, too many items, and null where a field has no « none »', () => {
    expect(refused(CreateDecisionDto, { date: '2026-06-25', kind: 'vote', text: '', items: [{ type: 'phase', id: 'x' }] })).toEqual({
      kind: ['kind doit valoir l’un de : validation, replanification, arbitrage, budget.'],
      text: ['text doit être un texte de 1 à 2000 caractères.'],
      'items.0.type': ['type doit valoir l’un de : action, milestone.'],
      'items.0.id': ['id doit être un identifiant (UUID).'],
    });
    const many = Array.from({ length: 51 }, () => ({ type: 'action', id: ID }));
    expect(Object.keys(refused(CreateDecisionDto, { date: '2026-06-25', kind: 'budget', text: 'B', items: many }))).toEqual(['items']);
    expect(Object.keys(refused(UpdateDecisionDto, { text: null, kind: null, date: null, items: null }))).toEqual([
      'date',
      'kind',
      'text',
      'items',
    ]);
    expect(refused(UpdateDecisionDto, { meetingId: null })).toEqual({});
    // a null list was taken as « leave it » while the caller meant « clear it »: refused, [] clears
    expect(Object.keys(refused(UpdateMeetingDto, { version: 1, attendees: null, agenda: null }))).toEqual(['attendees', 'agenda']);
    expect(Object.keys(refused(CreateDecisionDto, { date: '2026-06-25', kind: 'budget', text: 'B', items: null }))).toEqual(['items']);
    expect(refused(UpdateMeetingDto, { version: 1, attendees: [], agenda: [] })).toEqual({});
    expect(Object.keys(refused(UpdateInstanceDto, { name: null }))).toEqual(['name']);
    expect(refused(UpdateInstanceDto, { description: null })).toEqual({});
  });
});
