import type { PublicInstanceView } from '@jalons/contract';
import { ACCESSIBILITY_AUDIT_DATE, ACCESSIBILITY_STATUS } from '@jalons/domain';
import { HttpTestingController } from '@angular/common/http/testing';
import { Type } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { text } from '../testing/dom';
import { refusal, setUpPageTest } from '../testing/http';
import { AccessibilityPage } from './accessibility-page';
import { AUDIT, CRITERIA, STATUS_FROM_FIGURES, THEME_RESULTS } from './accessibility-statement';
import { LegalNoticePage } from './legal-notice-page';
import { PrivacyPage } from './privacy-page';

const MISSING = 'à renseigner par l’éditeur de cette instance';

function anInstance(legal: Partial<PublicInstanceView['legal']> = {}): PublicInstanceView {
  return {
    name: 'Jalons',
    publicUrl: 'https://jalons.brest.example',
    legal: {
      editor: 'Ville de Brest',
      address: '2 rue Frézier, 29200 Brest',
      contactEmail: 'donnees@brest.example',
      publicationDirector: 'Le maire de Brest',
      host: 'Hébergeur Exemple, Brest',
      dpoContact: 'dpo@brest.example',
      ...legal,
    },
    retention: { sessionsDays: 14, tokensDays: 7, outboxDays: 60, notificationsDays: 1 },
    accessibility: { status: ACCESSIBILITY_STATUS, auditDate: ACCESSIBILITY_AUDIT_DATE, statementPath: '/accessibilite' },
  };
}

const NOTHING_SET = anInstance({
  editor: null,
  address: null,
  contactEmail: null,
  publicationDirector: null,
  host: null,
  dpoContact: null,
});

describe('the legal pages', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let page: HTMLElement;

  afterEach(() => http.verify());

  /** Opens `component` signed out and answers GET /api/public/instance. */
  async function open(component: Type<unknown>, answer: PublicInstanceView | 'refused' = anInstance()): Promise<void> {
    http = setUpPageTest(component, null);
    fixture = TestBed.createComponent(component);
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    const req = http.expectOne({ method: 'GET', url: '/api/public/instance' });
    if (answer === 'refused') req.flush(...refusal(503, 'service_unavailable', 'Le service ne répond pas.'));
    else req.flush(answer);
    await fixture.whenStable();
  }

  const byTestId = (id: string): string => text(page.querySelector(`[data-testid="${id}"]`));
  const headings = (level: string): string[] => Array.from(page.querySelectorAll(level)).map((h) => text(h));

  describe('Déclaration d’accessibilité', () => {
    it('follows the RGAA model: one h1, the template’s sections as h2, the status and the audit’s figures', async () => {
      await open(AccessibilityPage);
      expect(headings('h1')).toEqual(['Déclaration d’accessibilité']);
      expect(headings('h2')).toEqual([
        'État de conformité',
        'Résultats des tests',
        'Contenus non accessibles',
        'Établissement de cette déclaration d’accessibilité',
        'Retour d’information et contact',
        'Voies de recours',
      ]);
      expect(byTestId('status')).toContain('Jalons est partiellement conforme avec le référentiel général d’amélioration');
      expect(byTestId('rate')).toContain(`${AUDIT.rate} % des critères du RGAA 4.1 applicables sont respectés`);
      expect(byTestId('rate')).toContain(`${AUDIT.met} critères respectés, ${AUDIT.notMet} non respecté(s)`);
      expect(byTestId('audit-date')).toBe('Cette déclaration a été établie le 29 novembre 2026.');
      expect(byTestId('editor')).toBe('Éditeur : Ville de Brest');
      expect(page.querySelector('[data-testid="contact"] a')?.getAttribute('href')).toBe('mailto:donnees@brest.example');
      expect(byTestId('remedies')).toContain('Libre réponse 71120');
      expect(byTestId('remedies')).toContain('75342 Paris CEDEX 07');
      expect(page.querySelectorAll('[data-testid="themes"] tbody tr')).toHaveLength(13);
      expect(page.querySelectorAll('[data-testid="sample"] li').length).toBeGreaterThanOrEqual(10);
    });

    it('says « à renseigner » for an editor and a contact the instance has not set', async () => {
      await open(AccessibilityPage, NOTHING_SET);
      expect(byTestId('editor')).toBe(`Éditeur : ${MISSING}`);
      expect(byTestId('contact')).toBe(`Écrire à : ${MISSING}`);
      expect(page.querySelector('[data-testid="contact"] a')).toBeNull();
    });

    it('still shows the statement when the instance’s facts cannot be loaded, with the reason', async () => {
      await open(AccessibilityPage, 'refused');
      expect(text(page.querySelector('[role="alert"]'))).toContain('Le service ne répond pas.');
      expect(byTestId('status')).toContain('partiellement conforme');
    });
  });

  describe('the statement’s figures', () => {
    it('count the RGAA 4.1’s 106 criteria over 13 themes, and give the status the domain (footer, API) shows', () => {
      expect(Object.keys(CRITERIA)).toHaveLength(106);
      const perTheme = THEME_RESULTS.map((t) => t.met + t.notMet + t.notApplicable);
      expect(perTheme).toEqual([9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12]);
      expect(STATUS_FROM_FIGURES).toBe(ACCESSIBILITY_STATUS);
      expect(AUDIT.rate).toBe(Math.floor((AUDIT.met * 100) / (AUDIT.met + AUDIT.notMet)));
    });
  });

  describe('Mentions légales', () => {
    const facts = (): string[] => Array.from(page.querySelectorAll('[data-testid="editor"] dd')).map((d) => text(d));

    it('names the editor, the publication director and the host, and the licences', async () => {
      await open(LegalNoticePage);
      expect(headings('h1')).toEqual(['Mentions légales']);
      expect(facts()).toEqual(['Ville de Brest', '2 rue Frézier, 29200 Brest', 'donnees@brest.example']);
      expect(byTestId('director')).toBe('Le maire de Brest');
      expect(byTestId('host')).toBe('Hébergeur Exemple, Brest');
      expect(text(page)).toContain('licence MIT');
      expect(text(page)).toContain('Licence Ouverte 2.0');
    });

    it('says « à renseigner » for each fact the instance has not set', async () => {
      await open(LegalNoticePage, NOTHING_SET);
      expect(facts()).toEqual([MISSING, MISSING, MISSING]);
      expect(byTestId('director')).toBe(MISSING);
      expect(byTestId('host')).toBe(MISSING);
    });
  });

  describe('Données personnelles', () => {
    const rows = (): string[][] =>
      Array.from(page.querySelectorAll('[data-testid="retention"] tbody tr')).map((r) =>
        Array.from(r.querySelectorAll('th, td')).map((c) => text(c)),
      );

    it('gives each kind of data with how long it is kept, in the instance’s days', async () => {
      await open(PrivacyPage);
      expect(headings('h1')).toEqual(['Données personnelles']);
      const kept = Object.fromEntries(rows().map(([what, , period]) => [what, period]));
      expect(kept['Sessions']).toBe('14 jours après la fin de la session');
      expect(kept['Liens d’invitation et de nouveau mot de passe']).toBe('7 jours après leur usage ou leur expiration');
      expect(kept['Courriels']).toBe('60 jours après leur envoi');
      expect(kept['Rappels d’échéance']).toBe('1 jour après leur date d’échéance');
      expect(kept['Historique des modifications']).toContain('« Ancien·ne responsable »');
      expect(Object.keys(kept)).toEqual(expect.arrayContaining(['Compte', 'Abonnements de calendrier']));
      expect(Array.from(page.querySelectorAll('[data-testid="controller"] .legal-value')).map((v) => text(v))).toEqual([
        'Ville de Brest',
        '2 rue Frézier, 29200 Brest',
      ]);
      expect(text(page)).toContain('article 6-1-e');
      expect(byTestId('rights')).toContain('Mes données');
      expect(page.querySelector('[data-testid="dpo"] a')?.getAttribute('href')).toBe('mailto:dpo@brest.example');
      expect(page.querySelector('a[href="https://www.cnil.fr/fr/plaintes"]')).not.toBeNull();
    });

    it('falls back on the instance’s contact without a DPO, and says « à renseigner » without either', async () => {
      await open(PrivacyPage, anInstance({ dpoContact: null }));
      expect(page.querySelector('[data-testid="dpo"] a')?.getAttribute('href')).toBe('mailto:donnees@brest.example');
      TestBed.resetTestingModule();
      await open(PrivacyPage, NOTHING_SET);
      expect(byTestId('dpo')).toContain(MISSING);
      expect(byTestId('controller')).toBe(MISSING);
    });
  });
});
