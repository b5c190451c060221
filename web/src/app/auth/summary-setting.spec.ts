import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { I18n } from '../i18n/i18n';
import { must, text } from '../testing/dom';
import { refusal } from '../testing/http';
import { aMe, provideSession } from '../testing/session';
import { SummarySetting } from './summary-setting';

describe('SummarySetting', () => {
  let fixture: ComponentFixture<SummarySetting>;
  let http: HttpTestingController;
  let section: HTMLElement;

  async function start(enabled: boolean): Promise<void> {
    http.expectOne({ method: 'GET', url: '/api/account/summary' }).flush({ enabled });
    await fixture.whenStable();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SummarySetting],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideSession(aMe({ role: 'elected' }))],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SummarySetting);
    section = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const box = (): HTMLInputElement => must(section.querySelector<HTMLInputElement>('#point-mensuel'), 'checkbox');

  async function submit(): Promise<void> {
    must(section.querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  it('says it is loading, then shows the choice as it applies, with its label and its explanation', async () => {
    expect(text(section.querySelector('h2'))).toBe('Point mensuel par courriel');
    expect(text(section)).toContain('Chargement…');
    expect(section.querySelector('#point-mensuel')).toBeNull();
    await start(true);
    expect(box().checked).toBe(true);
    expect(box().type).toBe('checkbox');
    expect(text(section.querySelector('label[for="point-mensuel"]'))).toBe('Recevoir le point mensuel');
    expect(box().getAttribute('aria-describedby')).toBe('point-mensuel-aide');
    expect(text(section.querySelector('#point-mensuel-aide'))).toContain('Le premier lundi de chaque mois');
    expect(must(section.querySelector('button')).getAttribute('type')).toBe('submit');
  });

  it('turns it off, saves and confirms it', async () => {
    await start(true);
    box().click();
    await fixture.whenStable();
    await submit();
    const req = http.expectOne({ method: 'PUT', url: '/api/account/summary' });
    expect(req.request.body).toEqual({ enabled: false });
    req.flush({ enabled: false });
    await fixture.whenStable();
    expect(text(section.querySelector('[role="status"]'))).toBe('Vous ne recevrez plus le point mensuel.');
    expect(box().checked).toBe(false);
  });

  it('turns it on for someone who does not receive it', async () => {
    await start(false);
    expect(box().checked).toBe(false);
    box().click();
    await fixture.whenStable();
    await submit();
    const req = http.expectOne({ method: 'PUT', url: '/api/account/summary' });
    expect(req.request.body).toEqual({ enabled: true });
    req.flush({ enabled: true });
    await fixture.whenStable();
    expect(text(section.querySelector('[role="status"]'))).toBe('Vous recevrez le point mensuel.');
  });

  it('says so when the choice is refused, and when the setting cannot be read', async () => {
    await start(true);
    await submit();
    http.expectOne('/api/account/summary').flush(...refusal(400, 'validation_failed', 'enabled doit valoir true ou false.'));
    await fixture.whenStable();
    expect(text(section.querySelector('[role="alert"]'))).toBe('Choix non enregistré : enabled doit valoir true ou false.');
    expect(text(section.querySelector('[role="status"]'))).toBe('');

    const again = TestBed.createComponent(SummarySetting);
    await again.whenStable();
    http.expectOne('/api/account/summary').flush(...refusal(500, 'internal', 'Erreur interne.'));
    await again.whenStable();
    const el = again.nativeElement as HTMLElement;
    expect(text(el.querySelector('[role="alert"]'))).toBeTruthy();
    expect(el.querySelector('#point-mensuel')).toBeNull();
  });

  it('reads in English when asked', async () => {
    await TestBed.inject(I18n).use('en');
    await start(false);
    expect(text(section.querySelector('h2'))).toBe('Monthly summary by e-mail');
    expect(text(section.querySelector('label[for="point-mensuel"]'))).toBe('Receive the monthly summary');
    await TestBed.inject(I18n).use('fr');
  });
});
