import { ACTION_STATUS_LABELS, MILESTONE_STATE_LABELS } from './labels';
import { ACTION_STATUSES } from './types';

describe('the labels of the domain’s codes', () => {
  it('name every action status, each differently', () => {
    const labels = ACTION_STATUSES.map((s) => ACTION_STATUS_LABELS[s]);
    expect(labels).toEqual(['À lancer', 'En cours', 'Bloquée', 'Terminée', 'Abandonnée']);
    expect(new Set(labels).size).toBe(ACTION_STATUSES.length);
  });

  it('name the three states of a milestone', () => {
    expect(MILESTONE_STATE_LABELS).toEqual({ achieved: 'Atteint', late: 'En retard', upcoming: 'À venir' });
  });
});
