import type { HistoryEntryView } from '@jalons/contract';
import { TestBed } from '@angular/core/testing';

import { text } from '../testing/dom';
import { aHistoryEntry, aPerson } from '../testing/factories';
import { formatParisDateTime } from '../shared/paris-time';
import { HistoryTable } from './history-table';

async function render(entries: HistoryEntryView[]): Promise<HTMLElement> {
  const fixture = TestBed.createComponent(HistoryTable);
  fixture.componentRef.setInput('entries', entries);
  fixture.detectChanges();
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

function rows(el: HTMLElement): string[][] {
  return Array.from(el.querySelectorAll('tbody tr')).map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => text(c)));
}

describe('HistoryTable', () => {
  it('lists who, when (Paris time), what, from, to and why, newest first', async () => {
    const el = await render([
      aHistoryEntry({
        id: 'h-1',
        at: '2024-01-10T09:00:00.000Z',
        field: 'created',
        from: null,
        to: 'a_lancer 0 %',
        actor: null,
      }),
      aHistoryEntry({
        id: 'h-3',
        at: '2024-10-27T01:30:00.000Z', // the night summer time ends: 02:30 in Paris
        field: 'due',
        from: '2024-05-15',
        to: '2024-06-30',
        comment: 'Report demandé par le comité.',
        actor: aPerson({ name: 'Camille Le Goff' }),
      }),
      aHistoryEntry({
        id: 'h-2',
        at: '2024-04-20T08:30:00.000Z',
        field: 'progress',
        from: '0',
        to: '50',
        actor: aPerson({ name: 'Soizic Le Bihan' }),
      }),
    ]);
    const headers = Array.from(el.querySelectorAll('thead th')).map(text);
    expect(headers).toEqual(['Qui', 'Quand', 'Champ', 'De', 'À', 'Commentaire']);
    expect(rows(el)).toEqual([
      ['Camille Le Goff', '27/10/2024 à 02:30', 'Échéance', '15/05/2024', '30/06/2024', 'Report demandé par le comité.'],
      ['Soizic Le Bihan', '20/04/2024 à 10:30', 'Avancement', '0 %', '50 %', '—'],
      ['—', '10/01/2024 à 10:00', 'Création', '—', 'À lancer, 0 %', '—'],
    ]);
  });

  it('names statuses in French', async () => {
    const el = await render([aHistoryEntry({ from: 'bloquee', to: 'abandonnee' })]);
    expect(rows(el)[0].slice(2, 5)).toEqual(['Statut', 'Bloquée', 'Abandonnée']);
  });

  it('writes days in fr-FR, even inside a sentence', async () => {
    const el = await render([
      aHistoryEntry({
        itemType: 'milestone',
        field: 'created',
        from: null,
        to: 'atteint le 2026-09-18',
      }),
    ]);
    expect(rows(el)[0][4]).toBe('atteint le 18/09/2026');
  });

  it('says when nothing changed yet', async () => {
    const el = await render([]);
    expect(text(el.querySelector('tbody'))).toBe('Aucune modification enregistrée.');
  });

  it('formats instants in Europe/Paris whatever the machine’s zone', () => {
    expect(formatParisDateTime('2024-03-31T00:59:00.000Z')).toBe('31/03/2024 à 01:59');
    expect(formatParisDateTime('2024-03-31T01:00:00.000Z')).toBe('31/03/2024 à 03:00');
  });

  it('says why a date of an item of the baseline changed, and the decision it cites', async () => {
    const el = await render([
      aHistoryEntry({
        id: 'h-1',
        field: 'due',
        from: '2026-12-15',
        to: '2027-03-31',
        comment: null,
        reason: 'Recrutement du délégué à la protection des données reporté.',
        decision: { id: 'd-1', date: '2026-11-12', kind: 'replanification', text: 'Report validé en comité de pilotage' },
      }),
      aHistoryEntry({ id: 'h-2', field: 'due', comment: 'Ajusté', reason: 'Marché infructueux', decision: null }),
    ]);
    expect(rows(el).map((r) => r[5])).toEqual([
      'Motif : Recrutement du délégué à la protection des données reporté. Décision citée : 12/11/2026 — Replanification — Report validé en comité de pilotage',
      'Ajusté Motif : Marché infructueux',
    ]);
  });
});
