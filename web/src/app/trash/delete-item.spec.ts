import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { Router } from '@angular/router';

import { must, text } from '../testing/dom';
import { refusal, setUpRoutedTest } from '../testing/http';
import { aMe } from '../testing/session';
import { DeleteItem } from './delete-item';

@Component({
  imports: [DeleteItem],
  template: `<jl-delete-item
    [allowed]="allowed()"
    [kind]="kind()"
    itemId="act-1"
    [version]="3"
    itemTitle="Rédiger la charte"
    slug="brest-2026-2032"
  />`,
})
class Host {
  readonly allowed = signal(true);
  readonly kind = signal<'action' | 'milestone'>('action');
}

@Component({ template: '' })
class Blank {}

describe('DeleteItem — « Supprimer » with a confirmation', () => {
  let http: HttpTestingController;
  let host: HTMLElement;
  let fixture: ReturnType<typeof TestBed.createComponent<Host>>;

  async function render(over: { allowed?: boolean; kind?: 'action' | 'milestone' } = {}) {
    http = setUpRoutedTest([{ path: 'r/:slug/corbeille', component: Blank }], aMe());
    fixture = TestBed.createComponent(Host);
    fixture.componentInstance.allowed.set(over.allowed ?? true);
    fixture.componentInstance.kind.set(over.kind ?? 'action');
    await fixture.whenStable();
    host = fixture.nativeElement as HTMLElement;
  }
  afterEach(() => http.verify());

  const dialog = () => must(host.querySelector('dialog'), 'dialog');
  const opener = () => must(host.querySelector<HTMLButtonElement>('[data-testid="delete-item"]'), 'Supprimer');
  async function openDialog() {
    opener().click();
    await fixture.whenStable();
  }

  it('shows nothing to someone who may not write the item', async () => {
    await render({ allowed: false });
    expect(host.querySelector('button')).toBeNull();
    expect(host.querySelector('dialog')).toBeNull();
  });

  it('asks first, naming the item and the 90 days, the focus on « Annuler »; Escape closes and gives the focus back, nothing sent', async () => {
    await render();
    expect(dialog().hasAttribute('open')).toBe(false);
    await openDialog();
    expect(dialog().hasAttribute('open')).toBe(true);
    const title = must(dialog().querySelector('h2'));
    expect(text(title)).toBe('Supprimer l’action « Rédiger la charte » ?');
    expect(dialog().getAttribute('aria-labelledby')).toBe(title.id);
    const description = must(document.getElementById(must(dialog().getAttribute('aria-describedby'))));
    expect(text(description)).toContain('Elle restera 90 jours dans la corbeille');
    expect(document.activeElement?.textContent?.trim()).toBe('Annuler');

    dialog().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await fixture.whenStable();
    expect(dialog().hasAttribute('open')).toBe(false);
    expect(document.activeElement).toBe(opener());
    http.expectNone(() => true);
  });

  it('says « Il restera » for a milestone', async () => {
    await render({ kind: 'milestone' });
    await openDialog();
    expect(text(dialog().querySelector('h2'))).toBe('Supprimer le jalon « Rédiger la charte » ?');
    expect(text(dialog())).toContain('Il restera 90 jours dans la corbeille');
  });

  it('deletes with the version read once confirmed, then opens the Corbeille, which names it', async () => {
    await render();
    await openDialog();
    must(host.querySelector<HTMLButtonElement>('[data-testid="confirm-delete"]')).click();
    await fixture.whenStable();
    const req = http.expectOne({ method: 'DELETE', url: '/api/actions/act-1?version=3' });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/r/brest-2026-2032/corbeille?supprime=act-1');
  });

  it('keeps the dialog open with the reason when the deletion is refused (changed meanwhile)', async () => {
    await render();
    await openDialog();
    must(host.querySelector<HTMLButtonElement>('[data-testid="confirm-delete"]')).click();
    http
      .expectOne({ method: 'DELETE', url: '/api/actions/act-1?version=3' })
      .flush(...refusal(409, 'version_conflict', 'Cette action a changé entre-temps (version 4).', { currentVersion: 4 }));
    await fixture.whenStable();
    expect(dialog().hasAttribute('open')).toBe(true);
    expect(text(dialog().querySelector('[role="alert"]'))).toBe(
      'Cet élément a été modifié entre-temps : fermez cette fenêtre, rechargez la page, puis supprimez-le de nouveau si besoin.',
    );
    expect(TestBed.inject(Router).url).toBe('/');
  });
});
