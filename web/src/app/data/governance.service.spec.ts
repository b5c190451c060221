import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { aDecision, aMeeting, aMeetingSummary } from '../governance/testing/governance-factories';
import { provideHttpTesting, refusal } from '../testing/http';
import { GovernanceService } from './governance.service';

describe('GovernanceService', () => {
  let service: GovernanceService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideHttpTesting() });
    service = TestBed.inject(GovernanceService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('asks for the decisions with only the filters given, ids escaped', async () => {
    const all = firstValueFrom(service.decisions('rm/1'));
    http.expectOne({ method: 'GET', url: '/api/roadmaps/rm%2F1/decisions' }).flush([aDecision()]);
    expect((await all).map((d) => d.id)).toEqual(['dec-1']);

    const some = firstValueFrom(service.decisions('rm-1', { since: '2026-01-01', until: null, itemId: 'act-1' }));
    const req = http.expectOne((r) => r.url === '/api/roadmaps/rm-1/decisions');
    expect(req.request.params.keys()).toEqual(['since', 'itemId']);
    expect(req.request.params.get('since')).toBe('2026-01-01');
    expect(req.request.params.get('itemId')).toBe('act-1');
    req.flush([]);
    expect(await some).toEqual([]);
  });

  it('asks for the next meeting on or after a day, or today when none is given; null when there is none', async () => {
    const next = firstValueFrom(service.nextMeeting('rm-1', '2026-12-01'));
    http.expectOne({ method: 'GET', url: '/api/roadmaps/rm-1/meetings/next?at=2026-12-01' }).flush(aMeetingSummary());
    expect((await next)?.id).toBe('mt-1');
    const none = firstValueFrom(service.nextMeeting('rm-1'));
    http.expectOne({ method: 'GET', url: '/api/roadmaps/rm-1/meetings/next' }).flush(null);
    expect(await none).toBeNull();
  });

  it('patches a meeting with its version and fails with the API’s conflict', async () => {
    const saved = firstValueFrom(service.updateMeeting('mt-1', { version: 2, title: 'Comité de janvier' }));
    const req = http.expectOne({ method: 'PATCH', url: '/api/meetings/mt-1' });
    expect(req.request.body).toEqual({ version: 2, title: 'Comité de janvier' });
    req.flush(...refusal(409, 'version_conflict', 'Cette réunion a changé entre-temps.', { currentVersion: 3 }));
    await expect(saved).rejects.toEqual(expect.objectContaining({ status: 409, message: 'Cette réunion a changé entre-temps.' }));
  });

  it('creates meetings and decisions in the roadmap, deletes them by id', async () => {
    const meeting = firstValueFrom(service.createMeeting('rm-1', { instanceId: 'in-1', date: '2027-01-14' }));
    http.expectOne({ method: 'POST', url: '/api/roadmaps/rm-1/meetings' }).flush(aMeeting({ date: '2027-01-14' }));
    expect((await meeting).date).toBe('2027-01-14');
    const decision = firstValueFrom(
      service.createDecision('rm-1', { date: '2027-01-14', kind: 'budget', text: 'Budget voté', meetingId: 'mt-1', items: [] }),
    );
    const req = http.expectOne({ method: 'POST', url: '/api/roadmaps/rm-1/decisions' });
    expect(req.request.body.kind).toBe('budget');
    req.flush(aDecision({ kind: 'budget' }));
    expect((await decision).kind).toBe('budget');
    const gone = firstValueFrom(service.deleteDecision('dec-1'));
    http.expectOne({ method: 'DELETE', url: '/api/decisions/dec-1' }).flush(null, { status: 204, statusText: 'No Content' });
    await gone;
    const instanceGone = firstValueFrom(service.deleteInstance('in-1'));
    http
      .expectOne({ method: 'DELETE', url: '/api/instances/in-1' })
      .flush(...refusal(409, 'conflict', 'Cette instance a des réunions : supprimez-les d’abord.'));
    await expect(instanceGone).rejects.toEqual(expect.objectContaining({ status: 409 }));
  });
});
