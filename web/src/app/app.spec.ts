import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  Router,
  provideRouter,
  withComponentInputBinding,
} from '@angular/router';

import { App } from './app';
import { appRoutes } from './app.routes';
import { provideFrenchLocale } from './locale';
import { aRoadmap } from './testing/factories';

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('App shell', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFrenchLocale(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('has a header, a navigation and a main area, and shows the roadmap asked for in the header', async () => {
    const fixture = TestBed.createComponent(App);
    const shell = fixture.nativeElement as HTMLElement;
    await TestBed.inject(Router).navigateByUrl('/?roadmap=rm-7');
    fixture.detectChanges();

    const roadmap = aRoadmap({
      id: 'rm-7',
      territory: 'Ville et Métropole de Brest',
      mandateLabel: 'Mandat 2026–2032',
    });
    http.expectOne('/api/roadmaps/rm-7').flush(roadmap);
    http.expectOne('/api/roadmaps/rm-7/functions').flush([]);
    await fixture.whenStable();
    // the overview's sections (late items, next milestones, latest changes), asked once the roadmap is known
    for (const section of http.match((r) =>
      r.url.startsWith('/api/roadmaps/rm-7/'),
    )) {
      section.flush([]);
    }
    await fixture.whenStable();

    const header = shell.querySelector('header');
    expect(text(header?.querySelector('.shell-header__brand'))).toBe('Jalons');
    expect(text(header)).toContain('Ville et Métropole de Brest');
    expect(text(header)).toContain('Mandat 2026–2032');

    const nav = shell.querySelector('nav');
    expect(nav?.getAttribute('aria-label')).toBe('Navigation principale');
    const link = nav?.querySelector('a');
    expect(text(link)).toBe('Vue du mandat');
    expect(link?.getAttribute('aria-current')).toBe('page');

    expect(text(shell.querySelector('main h1'))).toBe('Mandat 2026–2032');
  });
});
