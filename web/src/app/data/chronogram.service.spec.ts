import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { tableOf } from '@jalons/domain';
import type { ChronogramView, ChronogramWire } from '@jalons/contract';
import { firstValueFrom } from 'rxjs';

import { aChronogram, aChronogramAction, aChronogramMilestone } from '../testing/factories';
import { ChronogramService } from './chronogram.service';

/** The API sends the chronogram's wire (ADR 0034: tables, no arrows); every page receives the view it stands for. */
describe('ChronogramService reads the chronogram’s wire', () => {
  let chronograms: ChronogramService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    chronograms = TestBed.inject(ChronogramService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  // the wire as the API writes it (the contract's chronogramWire, written out here: the web imports no contract code)
  const wireOf = ({ actions, milestones, dependencies, ...rest }: ChronogramView): ChronogramWire => {
    void dependencies;
    return JSON.parse(
      JSON.stringify({
        ...rest,
        actions: tableOf(
          actions,
          ['functionId', 'phaseId'],
          ['id', 'title', 'volet', 'start', 'due', 'status', 'progress', 'ownerId', 'predecessorIds', 'version', 'provenance'],
        ),
        milestones: tableOf(
          milestones,
          ['functionId', 'phaseId'],
          ['id', 'title', 'date', 'achievedOn', 'ownerId', 'version', 'provenance', 'state'],
        ),
      }),
    );
  };

  // three bars of one function (the second in another phase), the third after the first two, the second after a bar not shown
  const view = (): ChronogramView => {
    const actions = [
      aChronogramAction({ id: 'a-1', provenance: { kind: 'etude', reference: null } }),
      aChronogramAction({ id: 'a-2', phaseId: 'phase-3', title: 'Former les agents', predecessorIds: ['elsewhere'], provenance: null }),
      aChronogramAction({ id: 'a-3', status: 'bloquee', progress: 10, predecessorIds: ['a-2', 'a-1'], provenance: null }),
    ];
    return aChronogram({
      actions,
      milestones: [
        aChronogramMilestone({ provenance: null }),
        aChronogramMilestone({ id: 'ms-2', achievedOn: '2024-05-21', provenance: null }),
      ],
      dependencies: [
        { predecessorId: 'a-2', successorId: 'a-3' },
        { predecessorId: 'a-1', successorId: 'a-3' },
      ],
    });
  };

  it('turns the tables back into bars and milestones, with their arrows, in their order', async () => {
    const expected = view();
    const wire = wireOf(expected);
    // a run per function and phase, in the bars' order: phase 2, phase 3, phase 2 again
    expect(wire.actions.groups.map((g) => [g.phaseId, g.rows.length])).toEqual([
      ['phase-2', 1],
      ['phase-3', 1],
      ['phase-2', 1],
    ]);
    expect('dependencies' in wire).toBe(false);

    const got = firstValueFrom(chronograms.get('rm-1', 'fn-ethique'));
    http.expectOne('/api/roadmaps/rm-1/chronogram?functionId=fn-ethique').flush(wire);
    const c = await got;
    expect(c).toStrictEqual(expected);
    expect(c.actions.map((a) => a.id)).toEqual(['a-1', 'a-2', 'a-3']);
    expect(c.dependencies).toEqual([
      { predecessorId: 'a-2', successorId: 'a-3' },
      { predecessorId: 'a-1', successorId: 'a-3' },
    ]);
  });

  it('keeps a baseline’s dates', async () => {
    const baseline = { id: 'b-1', number: 2, label: 'V2', decision: null, items: [] };
    const got = firstValueFrom(chronograms.get('rm-1', null, 'b-1'));
    http.expectOne('/api/roadmaps/rm-1/chronogram?baseline=b-1').flush(wireOf({ ...view(), baseline }));
    expect((await got).baseline).toEqual(baseline);
  });
});
