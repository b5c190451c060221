import type { EvidenceView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { must, text } from '../testing/dom';
import { refusal, setUpPageTest } from '../testing/http';
import { aMe } from '../testing/session';
import { ItemEvidence } from './item-evidence';

function aLink(overrides: Partial<EvidenceView> = {}): EvidenceView {
  return {
    id: 'ev-1',
    itemType: 'milestone',
    itemId: 'ms-1',
    title: 'Délibération du conseil du 25/06/2026',
    url: 'https://www.brest.fr/deliberations/2026-06-25.pdf',
    kind: 'deliberation',
    addedBy: { id: 'p-1', name: 'Camille Le Goff' },
    addedAt: '2026-06-26T08:30:00.000Z',
    ...overrides,
  };
}

describe('ItemEvidence — « Preuves et documents » on an item’s page', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ItemEvidence>;
  let section: HTMLElement;

  async function open(links: EvidenceView[], me = aMe()): Promise<void> {
    http = setUpPageTest(ItemEvidence, me);
    fixture = TestBed.createComponent(ItemEvidence);
    fixture.componentRef.setInput('itemType', 'milestone');
    fixture.componentRef.setInput('item', { id: 'ms-1', functionId: 'fn-ethique', version: 2 });
    section = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/milestones/ms-1/evidence').flush(links);
    await fixture.whenStable();
  }
  afterEach(() => http.verify());

  const items = () => Array.from(section.querySelectorAll('[data-testid="evidence-list"] li'));
  const field = <T extends HTMLElement>(id: string) => must(section.querySelector<T>(`#${id}`), id);
  async function type(id: string, value: string): Promise<void> {
    const el = field<HTMLInputElement | HTMLSelectElement>(id);
    el.value = value;
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input'));
    await fixture.whenStable();
  }
  const submit = async () => {
    must(section.querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  };

  it('lists the links with their kind in French, opening in the same tab, who added them and when; read-only for an elected member', async () => {
    await open(
      [
        aLink(),
        aLink({ id: 'ev-2', title: 'Lieux de médiation', url: 'https://data.brest.fr/lieux', kind: 'jeu-de-donnees', addedBy: null }),
      ],
      aMe({ role: 'elected' }),
    );
    expect(text(section.querySelector('h2'))).toBe('Preuves et documents');
    expect(items()).toHaveLength(2);
    expect(text(items()[0])).toBe('Délibération Délibération du conseil du 25/06/2026 ajouté par Camille Le Goff le 26/06/2026 à 10:30');
    expect(text(items()[1])).toBe('Jeu de données Lieux de médiation ajouté le 26/06/2026 à 10:30');
    const a = must(items()[0].querySelector('a'));
    expect(a.getAttribute('href')).toBe('https://www.brest.fr/deliberations/2026-06-25.pdf');
    expect(a.hasAttribute('target')).toBe(false);
    expect(section.querySelector('form')).toBeNull();
    expect(section.querySelector('li button')).toBeNull();
  });

  it('says when there is none', async () => {
    await open([]);
    expect(text(section.querySelector('[data-testid="no-evidence"]'))).toBe('Aucune preuve ni aucun document pour l’instant.');
  });

  it('lets a writer add a link (trimmed), shows the API’s refusal next to its field, then the new list', async () => {
    await open([], aMe({ role: 'owner', functionIds: ['fn-ethique'] }));
    await type('milestone-evidence-title', '  Compte rendu  ');
    await type('milestone-evidence-url', 'brest.fr');
    await type('milestone-evidence-kind', 'page-web');
    await submit();
    const refused = http.expectOne({ method: 'POST', url: '/api/milestones/ms-1/evidence' });
    expect(refused.request.body).toEqual({ title: 'Compte rendu', url: 'brest.fr', kind: 'page-web' });
    refused.flush(
      ...refusal(400, 'validation_failed', 'La requête contient des champs invalides.', {
        errors: [{ field: 'url', message: 'url doit être une adresse web commençant par http:// ou https://.' }],
      }),
    );
    await fixture.whenStable();
    expect(text(section.querySelector('#milestone-evidence-url-error'))).toBe(
      'url doit être une adresse web commençant par http:// ou https://.',
    );
    expect(field('milestone-evidence-url').getAttribute('aria-invalid')).toBe('true');
    // the keyboard goes to the field to fix
    expect(document.activeElement).toBe(field('milestone-evidence-url'));

    await type('milestone-evidence-url', 'https://brest.fr/cr');
    await submit();
    const added = aLink({ title: 'Compte rendu', url: 'https://brest.fr/cr', kind: 'page-web' });
    http.expectOne({ method: 'POST', url: '/api/milestones/ms-1/evidence' }).flush(added);
    await fixture.whenStable();
    http.expectOne('/api/milestones/ms-1/evidence').flush([added]);
    await fixture.whenStable();
    expect(items().map((li) => text(li.querySelector('a')))).toEqual(['Compte rendu']);
    expect(field<HTMLInputElement>('milestone-evidence-title').value).toBe('');
    expect(text(section)).toContain('Preuve ajoutée.');
  });

  it('lets a writer delete a link, named for screen readers', async () => {
    await open([aLink()]);
    const button = must(items()[0].querySelector('button'));
    expect(button.getAttribute('aria-label')).toBe('Supprimer la preuve « Délibération du conseil du 25/06/2026 »');
    button.click();
    await fixture.whenStable();
    http.expectOne({ method: 'DELETE', url: '/api/evidence/ev-1' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    http.expectOne('/api/milestones/ms-1/evidence').flush([]);
    await fixture.whenStable();
    expect(items()).toHaveLength(0);
    expect(text(section)).toContain('Preuve « Délibération du conseil du 25/06/2026 » supprimée.');
  });

  it('loads the links again when the item’s version changes (a status saved with its proof)', async () => {
    await open([]);
    fixture.componentRef.setInput('item', { id: 'ms-1', functionId: 'fn-ethique', version: 3 });
    fixture.detectChanges();
    await fixture.whenStable();
    http.expectOne('/api/milestones/ms-1/evidence').flush([aLink()]);
    await fixture.whenStable();
    expect(items()).toHaveLength(1);
  });
});
