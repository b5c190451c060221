import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { InviteAccountDto } from './accounts.dto';
import { UpdateActionDto } from './actions.dto';
import { UpdateMilestoneDto } from './milestones.dto';
import { ReminderRulesDto } from './reminders.dto';

/** The messages a DTO gives for each refused field (each message once). */
function refused<T extends object>(cls: new () => T, plain: object): Record<string, string[]> {
  const errors = validateSync(plainToInstance(cls, plain), { whitelist: true, forbidNonWhitelisted: true });
  return Object.fromEntries(errors.map((e) => [e.property, [...new Set(Object.values(e.constraints ?? {}))]]));
}

const rules = { before: [14, 7, 1], onDueDate: true, overdueEveryDays: 7, escalateAfterDays: 7, milestones: true, indicatorStaleDays: 90 };

describe('the bounds of the reminder rules (REMINDER_RULE_BOUNDS)', () => {
  it('accept their limits', () => {
    expect(
      refused(ReminderRulesDto, {
        ...rules,
        before: [90, 60, 30, 14, 7, 1],
        overdueEveryDays: 60,
        escalateAfterDays: 90,
        indicatorStaleDays: 365,
      }),
    ).toEqual({});
    expect(refused(ReminderRulesDto, { ...rules, before: [], overdueEveryDays: 0, escalateAfterDays: 0, indicatorStaleDays: 0 })).toEqual(
      {},
    );
  });

  it('refuse what goes beyond, with the sentences the lead reads', () => {
    expect(refused(ReminderRulesDto, { ...rules, before: [91], overdueEveryDays: 61, escalateAfterDays: 91 })).toEqual({
      before: ['before doit être une liste de nombres de jours (1 à 90), 6 au plus.'],
      overdueEveryDays: ['overdueEveryDays doit être un nombre de jours de 0 (jamais) à 60.'],
      escalateAfterDays: ['escalateAfterDays doit être un nombre de jours de 0 (jamais) à 90.'],
    });
    expect(refused(ReminderRulesDto, { ...rules, indicatorStaleDays: 366 })).toEqual({
      indicatorStaleDays: ['indicatorStaleDays doit être un nombre de jours de 0 (jamais) à 365.'],
    });
    expect(Object.keys(refused(ReminderRulesDto, { ...rules, indicatorStaleDays: undefined }))).toEqual(['indicatorStaleDays']);
    expect(refused(ReminderRulesDto, { ...rules, before: [0] })).toEqual({
      before: ['before doit être une liste de nombres de jours (1 à 90), 6 au plus.'],
    });
    expect(refused(ReminderRulesDto, { ...rules, before: [1, 2, 3, 4, 5, 6, 7] })).toEqual({
      before: ['before doit être une liste de nombres de jours (1 à 90), 6 au plus.'],
    });
    expect(refused(ReminderRulesDto, { ...rules, overdueEveryDays: -1 })).toEqual({
      overdueEveryDays: ['overdueEveryDays doit être un nombre de jours de 0 (jamais) à 60.'],
    });
  });
});

describe('the longest texts (TEXT_MAX)', () => {
  const version = { version: 3 };

  it('accept a title of 200, a description of 4000 and a comment of 2000 characters, not one more', () => {
    const longest = { ...version, title: 'é'.repeat(200), description: 'd'.repeat(4000), comment: 'c'.repeat(2000) };
    expect(refused(UpdateActionDto, longest)).toEqual({});
    expect(refused(UpdateMilestoneDto, longest)).toEqual({});
    const tooLong = { ...version, title: 'é'.repeat(201), description: 'd'.repeat(4001), comment: 'c'.repeat(2001) };
    const messages = {
      title: ['title doit être un texte de 1 à 200 caractères.'],
      description: ['description doit être un texte de 4000 caractères au plus.'],
      comment: ['comment doit être un texte de 2000 caractères au plus.'],
    };
    expect(refused(UpdateActionDto, tooLong)).toEqual(messages);
    expect(refused(UpdateMilestoneDto, tooLong)).toEqual(messages);
  });

  it('accept a name of 200 characters, not one more', () => {
    const invitation = { name: 'n'.repeat(200), email: 'camille.le-goff@ville.fr', role: 'elected' };
    expect(refused(InviteAccountDto, invitation)).toEqual({});
    expect(refused(InviteAccountDto, { ...invitation, name: 'n'.repeat(201) })).toEqual({
      name: ['name doit être un texte de 1 à 200 caractères.'],
    });
  });
});
