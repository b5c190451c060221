import { Component, signal } from '@angular/core';
import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { CurrentRoadmap } from '../data/current-roadmap';
import { I18n, LANG_STORAGE_KEY, tKey } from '../i18n/i18n';
import { provideI18n } from '../i18n/provide-i18n';
import { aRoadmap } from '../testing/factories';
import { pageSubject, providePageTitles } from './page-title';

afterEach(() => {
  localStorage.clear();
  document.documentElement.lang = 'fr';
});

@Component({ selector: 'jl-empty', template: '' })
class Empty {}

/** a page that names what it shows once it has it (an action's title) */
const shownTitle = signal<string | null>(null);
@Component({ selector: 'jl-named', template: '' })
class Named {
  protected readonly titleSubject = pageSubject(shownTitle);
}

describe('providePageTitles', () => {
  it('restores the stored language before the first page, and titles the pages in it', async () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '', component: Empty, title: tKey('Vue du mandat · Jalons') }]),
        provideI18n(),
        providePageTitles(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    const i18n = TestBed.inject(I18n);
    expect(i18n.lang()).toBe('en');

    const harness = await RouterTestingHarness.create('/');
    const title = TestBed.inject(Title);
    expect(title.getTitle()).toBe('Term overview · Jalons');

    // a switch renames the page in view
    await i18n.use('fr');
    await harness.fixture.whenStable();
    expect(title.getTitle()).toBe('Vue du mandat · Jalons');
  });

  it('puts what a page shows at the head of its title while the page is in view (RGAA 8.6)', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'action', component: Named, title: tKey('Action · Jalons') },
          { path: 'r/quimper/chronogramme', component: Empty, title: tKey('Chronogramme · Jalons') },
          { path: '', component: Empty, title: tKey('Vue du mandat · Jalons') },
        ]),
        provideI18n(),
        providePageTitles(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    const title = TestBed.inject(Title);
    const harness = await RouterTestingHarness.create('/action');
    expect(title.getTitle()).toBe('Action · Jalons');

    shownTitle.set('Ouvrir les données de la cantine');
    await harness.fixture.whenStable();
    expect(title.getTitle()).toBe('Ouvrir les données de la cantine · Action · Jalons');

    await TestBed.inject(I18n).use('en');
    await harness.fixture.whenStable();
    expect(title.getTitle()).toBe('Ouvrir les données de la cantine · Action · Jalons'); // the same words in English

    // another page: the subject goes with the page that named it; a roadmap's page names the roadmap
    await harness.navigateByUrl('/');
    expect(title.getTitle()).toBe('Term overview · Jalons');
    TestBed.inject(CurrentRoadmap).set(aRoadmap({ slug: 'quimper', territory: 'Quimper' }));
    await harness.navigateByUrl('/r/quimper/chronogramme');
    expect(title.getTitle()).toBe('Quimper · Gantt chart · Jalons');
  });
});
