import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { AuthService } from '../data/auth.service';
import { must, text } from '../testing/dom';
import { refusal } from '../testing/http';
import { aMe, provideSession } from '../testing/session';
import { DigestSetting } from './digest-setting';

describe('DigestSetting', () => {
  let fixture: ComponentFixture<DigestSetting>;
  let http: HttpTestingController;
  let section: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [DigestSetting],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideSession(aMe({ digest: 'weekly' }))],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DigestSetting);
    section = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const radio = (value: string): HTMLInputElement => must(section.querySelector<HTMLInputElement>(`#digest-${value}`), value);

  async function choose(value: string): Promise<void> {
    radio(value).click();
    await fixture.whenStable();
    must(section.querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  it('offers the three frequencies as a labelled radio group, the saved one checked', () => {
    const group = must(section.querySelector('fieldset'));
    expect(text(group.querySelector('legend'))).toBe('Fréquence des courriels de rappel');
    expect(Array.from(group.querySelectorAll('label')).map((l) => text(l))).toEqual([
      'Un courriel récapitulatif par jour (les jours où il y a quelque chose)',
      'Un courriel récapitulatif par semaine, le lundi',
      'Aucun courriel (la cloche dans Jalons seulement)',
    ]);
    expect(radio('weekly').checked).toBe(true);
    expect(radio('daily').checked).toBe(false);
  });

  it('saves the choice and confirms it', async () => {
    await choose('none');
    const req = http.expectOne({ method: 'PUT', url: '/api/auth/preferences' });
    expect(req.request.body).toEqual({ digest: 'none' });
    req.flush(aMe({ digest: 'none' }));
    await fixture.whenStable();

    expect(text(section.querySelector('[role="status"]'))).toBe(
      'Préférence enregistrée : aucun courriel (la cloche dans Jalons seulement).',
    );
    expect(TestBed.inject(AuthService).me()?.digest).toBe('none');
    expect(radio('none').checked).toBe(true);
  });

  it('says so when the choice is refused', async () => {
    await choose('daily');
    http
      .expectOne('/api/auth/preferences')
      .flush(...refusal(400, 'validation_failed', 'digest doit valoir l’un de : daily, weekly, none.'));
    await fixture.whenStable();
    expect(text(section.querySelector('[role="alert"]'))).toBe(
      'Préférence non enregistrée : digest doit valoir l’un de : daily, weekly, none.',
    );
    expect(text(section.querySelector('[role="status"]'))).toBe('');
  });
});
