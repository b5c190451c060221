import { anAccount } from '../testing/factories';
import { accountPatch, accountRows, accountState } from './accounts-view';

const NOW = new Date('2024-05-02T10:00:00.000Z');

describe('accountState', () => {
  it('says whether the account is active, deactivated, or waits for its invitation', () => {
    expect(accountState(anAccount(), NOW)).toBe('Actif');
    expect(accountState(anAccount({ active: false }), NOW)).toBe('Désactivé');
    const invited = anAccount({ hasPassword: false, invitationExpiresAt: '2024-05-09T10:00:00.000Z' });
    expect(accountState(invited, NOW)).toBe('Invitation en attente jusqu’au 09/05/2024 à 12:00');
    expect(accountState(invited, new Date('2024-05-10T00:00:00.000Z'))).toBe('Invitation expirée le 09/05/2024 à 12:00');
    expect(accountState(anAccount({ hasPassword: false, invitationExpiresAt: null }), NOW)).toBe('Invitation expirée');
    expect(accountState(anAccount({ active: false, anonymisedAt: '2024-05-01T08:30:00.000Z' }), NOW)).toBe(
      'Anonymisé·e le 01/05/2024 à 10:30',
    );
  });

  it('offers « Anonymiser » for another account not anonymised yet, never for mine', () => {
    const rows = accountRows(
      [
        anAccount({ id: 'me', name: 'Moi' }),
        anAccount({ id: 'gone', name: 'Partie', anonymisedAt: NOW.toISOString() }),
        anAccount({ id: 'o', name: 'Autre' }),
      ],
      'me',
      NOW,
    );
    expect(rows.map((r) => [r.account.id, r.canAnonymise])).toEqual([
      ['o', true],
      ['me', false],
      ['gone', false],
    ]);
  });
});

describe('accountRows', () => {
  it('lists the accounts by name, marks mine, and offers to resend only a pending invitation', () => {
    const rows = accountRows(
      [
        anAccount({ id: 'b', name: 'Yann Kerouac', role: 'lead', functions: [], lastLoginAt: null }),
        anAccount({ id: 'a', name: 'Élise Guivarc’h', hasPassword: false, invitationExpiresAt: '2024-05-09T10:00:00.000Z' }),
      ],
      'b',
      NOW,
    );
    expect(rows.map((r) => [r.account.name, r.roleLabel, r.functions, r.lastLogin, r.self, r.canResend])).toEqual([
      ['Élise Guivarc’h', 'Responsable de fonction', 'Éthique', '30/04/2024 à 09:15', false, true],
      ['Yann Kerouac', 'Chef·fe de projet', '—', 'Jamais', true, false],
    ]);
  });
});

describe('accountPatch', () => {
  const owner = anAccount({ version: 4 });

  it('sends the role and a function owner’s functions with the version read', () => {
    expect(accountPatch(owner, { name: 'Soizic Le Bihan', role: 'owner', functionIds: ['fn-1', 'fn-2'] }, false)).toEqual({
      version: 4,
      name: 'Soizic Le Bihan',
      role: 'owner',
      functionIds: ['fn-1', 'fn-2'],
    });
  });

  it('takes their functions from an owner who takes another role', () => {
    expect(accountPatch(owner, { name: 'Soizic Le Bihan', role: 'lead', functionIds: ['fn-1'] }, false)).toEqual({
      version: 4,
      name: 'Soizic Le Bihan',
      role: 'lead',
      functionIds: [],
    });
    const elected = anAccount({ role: 'elected', functions: [], version: 1 });
    expect(accountPatch(elected, { name: 'Nolwenn Tanguy', role: 'lead', functionIds: [] }, false)).toEqual({
      version: 1,
      name: 'Nolwenn Tanguy',
      role: 'lead',
    });
  });

  it('never sends one’s own role', () => {
    const me = anAccount({ role: 'admin', functions: [], version: 7 });
    expect(accountPatch(me, { name: 'Moi', role: 'elected', functionIds: [] }, true)).toEqual({ version: 7, name: 'Moi' });
  });
});
