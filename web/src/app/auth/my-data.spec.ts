import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { filenameOf } from '../data/privacy.service';
import { must, text } from '../testing/dom';
import { refusal } from '../testing/http';
import { aMe, provideSession } from '../testing/session';
import { MyData } from './my-data';

describe('MyData', () => {
  let fixture: ComponentFixture<MyData>;
  let http: HttpTestingController;
  let section: HTMLElement;
  let saved: Array<{ href: string; download: string }>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [MyData],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideSession(aMe())],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MyData);
    section = fixture.nativeElement as HTMLElement;
    saved = [];
    // jsdom has no object URLs and does not download: the link handed to the browser is recorded instead
    Object.assign(URL, { createObjectURL: () => 'blob:mes-donnees', revokeObjectURL: () => undefined });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  const download = (): HTMLButtonElement => must(section.querySelector<HTMLButtonElement>('[data-testid="download-my-data"]'));

  it('says what the file holds, links to the privacy notice and offers the download', () => {
    expect(text(section.querySelector('h2'))).toBe('Mes données');
    expect(text(section.querySelector('#mes-donnees-aide'))).toContain('Jamais de mot de passe ni de jeton');
    expect(must(section.querySelector('a')).getAttribute('href')).toBe('/donnees-personnelles');
    expect(text(download())).toBe('Télécharger mes données (JSON)');
    expect(download().getAttribute('aria-describedby')).toBe('mes-donnees-aide');
  });

  it('downloads the JSON under the name the API gives, and says so', async () => {
    download().click();
    await fixture.whenStable();
    expect(download().disabled).toBe(true);
    const req = http.expectOne({ method: 'GET', url: '/api/account/data' });
    expect(req.request.responseType).toBe('blob');
    req.flush(new Blob(['{"account":{}}'], { type: 'application/json' }), {
      headers: { 'Content-Disposition': 'attachment; filename="mes-donnees-jalons-2026-11-29.json"' },
    });
    await fixture.whenStable();
    expect(saved).toEqual([{ href: 'blob:mes-donnees', download: 'mes-donnees-jalons-2026-11-29.json' }]);
    expect(text(section)).toContain('Fichier mes-donnees-jalons-2026-11-29.json téléchargé.');
    expect(download().disabled).toBe(false);
  });

  it('says a refusal on the page and saves nothing', async () => {
    download().click();
    const [body, status] = refusal(403, 'forbidden', 'Votre rôle ne permet pas cette opération.');
    // asked as a Blob, the refusal's JSON comes as a Blob too
    http.expectOne('/api/account/data').flush(new Blob([JSON.stringify(body)], { type: 'application/json' }), status);
    // the Blob is read back (FileReader, asynchronous) before the message shows
    for (let i = 0; i < 50 && !section.querySelector('[role="alert"]'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await fixture.whenStable();
    }
    expect(text(section.querySelector('[role="alert"]'))).toBe('Téléchargement impossible : Votre rôle ne permet pas cette opération.');
    expect(saved).toEqual([]);
  });

  it('reads the file name of a Content-Disposition header', () => {
    expect(filenameOf('attachment; filename="a.json"', 'x.json')).toBe('a.json');
    expect(filenameOf(null, 'x.json')).toBe('x.json');
  });
});
