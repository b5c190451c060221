import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { text } from '../testing/dom';
import { setUpPageTest } from '../testing/http';
import { NextMeeting } from './next-meeting';
import { aMeetingSummary } from './testing/governance-factories';

describe('NextMeeting — « Prochaine réunion » on the overview', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<NextMeeting>;
  let card: HTMLElement;

  beforeEach(() => {
    http = setUpPageTest(NextMeeting);
    fixture = TestBed.createComponent(NextMeeting);
    fixture.componentRef.setInput('roadmapId', 'rm-1');
    fixture.componentRef.setInput('slug', 'brest-2026-2032');
    card = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  });
  afterEach(() => http.verify());

  it('names the next meeting — date, instance, title — linked to its page', async () => {
    http.expectOne('/api/roadmaps/rm-1/meetings/next').flush(
      aMeetingSummary({
        id: 'mt-9',
        date: '2027-01-14',
        title: 'Bilan de l’année',
        instance: { id: 'in-1', name: 'Comité de pilotage' },
      }),
    );
    await fixture.whenStable();
    const link = card.querySelector('p a');
    expect(text(link)).toBe('14/01/2027 · Comité de pilotage — Bilan de l’année');
    expect(link?.getAttribute('href')).toBe('/r/brest-2026-2032/reunions/mt-9');
    expect(Array.from(card.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toContain('/r/brest-2026-2032/gouvernance');
  });

  it('says when no meeting is planned', async () => {
    http.expectOne('/api/roadmaps/rm-1/meetings/next').flush(null);
    await fixture.whenStable();
    expect(text(card)).toContain('Aucune réunion prévue.');
  });
});
