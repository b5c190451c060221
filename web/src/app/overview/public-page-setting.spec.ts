import type { RoadmapSummaryView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { must, text } from '../testing/dom';
import { aRoadmap } from '../testing/factories';
import { providePageTesting, refusal, ruleBroken } from '../testing/http';
import { PublicPageSetting, embedSnippet, originLines } from './public-page-setting';

const BAD = 'embedOrigins : « https://www.brest.fr/actualites » n’est pas une origine de site.';

describe('PublicPageSetting: the sites allowed to show the widget', () => {
  let fixture: ComponentFixture<PublicPageSetting>;
  let http: HttpTestingController;
  let section: HTMLElement;
  let emitted: RoadmapSummaryView[];
  let writeText: jest.Mock;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [PublicPageSetting], providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
    writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  });
  afterEach(() => {
    http.verify();
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  });

  async function open(roadmap: Partial<RoadmapSummaryView>) {
    fixture = TestBed.createComponent(PublicPageSetting);
    fixture.componentRef.setInput('roadmap', aRoadmap(roadmap));
    emitted = [];
    fixture.componentInstance.changed.subscribe((r) => emitted.push(r));
    section = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await fixture.whenStable();
  }

  const origins = () => section.querySelector<HTMLTextAreaElement>('#embed-embedOrigins');
  const code = () => must(section.querySelector<HTMLTextAreaElement>('#embed-code'));
  const button = (name: string) =>
    must(
      Array.from(section.querySelectorAll('button')).find((b) => text(b) === name),
      `button ${name}`,
    ) as HTMLButtonElement;
  const type = async (value: string) => {
    const field = must(origins());
    field.value = value;
    field.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await fixture.whenStable();
  };

  it('is hidden while the public page is closed', async () => {
    await open({ publicPage: false });
    expect(origins()).toBeNull();
    expect(section.querySelector('#embed-code')).toBeNull();
  });

  it('shows the saved origins one a line, labelled, with a hint and an example, and the code to paste', async () => {
    await open({ publicPage: true, embedOrigins: ['https://www.brest.fr', 'http://intranet.brest.fr:8080'] });
    const field = must(origins());
    expect(field.value).toBe('https://www.brest.fr\nhttp://intranet.brest.fr:8080');
    expect(text(section.querySelector('label[for="embed-embedOrigins"]'))).toBe('Sites autorisés à intégrer l’encart');
    expect(text(section.querySelector(`#${field.getAttribute('aria-describedby')}`))).toContain('https://www.brest.fr');
    expect(code().readOnly).toBe(true);
    expect(code().value).toBe(
      `<iframe src="${location.origin}/public/brest-2026-2032/encart" title="Avancement de la feuille de route — Ville et Métropole de Brest" width="300" height="250" style="border:0"></iframe>`,
    );
  });

  it('saves the lines with the version read, and shows what the API stored', async () => {
    await open({ publicPage: true, version: 5, embedOrigins: [] });
    await type('https://www.brest.fr\n\n  HTTPS://Intranet.Brest.fr  \n');
    button('Enregistrer les sites').click();
    const req = http.expectOne({ method: 'PATCH', url: '/api/roadmaps/rm-1/settings' });
    expect(req.request.body).toEqual({ version: 5, embedOrigins: ['https://www.brest.fr', 'HTTPS://Intranet.Brest.fr'] });
    req.flush(aRoadmap({ publicPage: true, version: 6, embedOrigins: ['https://www.brest.fr', 'https://intranet.brest.fr'] }));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(must(origins()).value).toBe('https://www.brest.fr\nhttps://intranet.brest.fr');
    expect(emitted.map((r) => r.version)).toEqual([6]);
    expect(text(section)).toContain('Sites autorisés enregistrés : 2.');
  });

  it('shows the API’s 422 on the field, tied to it, and moves the keyboard there', async () => {
    await open({ publicPage: true, embedOrigins: [] });
    await type('https://www.brest.fr/actualites');
    button('Enregistrer les sites').click();
    http.expectOne('/api/roadmaps/rm-1/settings').flush(...ruleBroken('embedOrigins', BAD));
    fixture.detectChanges();
    await fixture.whenStable();
    const field = must(origins());
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const error = must(section.querySelector('#embed-embedOrigins-error'));
    expect(text(error)).toBe(BAD);
    expect(field.getAttribute('aria-describedby')?.split(' ')[0]).toBe('embed-embedOrigins-error');
    expect(document.activeElement).toBe(field);
    expect(emitted).toEqual([]);
  });

  it('after a conflict, says so and reads the settings again', async () => {
    await open({ publicPage: true, version: 2 });
    button('Enregistrer les sites').click();
    http.expectOne('/api/roadmaps/rm-1/settings').flush(...refusal(409, 'version_conflict', 'Version périmée.', { currentVersion: 3 }));
    http
      .expectOne({ method: 'GET', url: '/api/roadmaps/rm-1' })
      .flush(aRoadmap({ publicPage: true, version: 3, embedOrigins: ['https://a.fr'] }));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(text(section)).toContain('modifié entre-temps');
    expect(emitted.map((r) => r.version)).toEqual([3]);
  });

  it('copies the code to paste', async () => {
    await open({ publicPage: true });
    button('Copier').click();
    await fixture.whenStable();
    expect(writeText).toHaveBeenCalledWith(code().value);
    fixture.detectChanges();
    expect(text(section.querySelector('[data-testid="embed-origins"] > p.visually-hidden[role="status"]'))).toBe(
      'Code copié dans le presse-papiers.',
    );
  });

  it('reads one origin per line (or separated by spaces, commas), and escapes the title', () => {
    expect(originLines(' https://a.fr \n\nhttps://b.fr, https://c.fr;https://d.fr ')).toEqual([
      'https://a.fr',
      'https://b.fr',
      'https://c.fr',
      'https://d.fr',
    ]);
    expect(embedSnippet('https://jalons.fr', 'x', 'Ville "A" & <B>')).toContain(
      'title="Avancement de la feuille de route — Ville &#34;A&#34; &#38; &#60;B&#62;"',
    );
  });
});
