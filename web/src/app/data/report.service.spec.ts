import { TestBed } from '@angular/core/testing';

import { ReportService } from './report.service';

describe('ReportService', () => {
  const service = () => TestBed.inject(ReportService);

  it('addresses the PDF with every parameter the API reads', () => {
    const url = service().url('rm/1', 'pdf', { at: '2026-12-31', paper: 'a3', lang: 'en', baseline: 'bl-2', since: '2026-11-01' });
    expect(url).toBe('/api/roadmaps/rm%2F1/report?at=2026-12-31&format=pdf&paper=a3&lang=en&baseline=bl-2&since=2026-11-01');
  });

  it('leaves the baseline and « since » to the API’s defaults when none is chosen', () => {
    const url = service().url('rm-1', 'html', { at: '2026-12-31', paper: 'a4', lang: 'fr', baseline: null, since: null });
    expect(url).toBe('/api/roadmaps/rm-1/report?at=2026-12-31&format=html&paper=a4&lang=fr');
  });

  it('names the PDF as the API does', () => {
    expect(service().filename('brest-2026-2032', '2026-12-31')).toBe('rapport-brest-2026-2032-2026-12-31.pdf');
  });
});
