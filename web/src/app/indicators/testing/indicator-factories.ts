import type { IndicatorView, MeasurementView } from '@jalons/contract';

/** Test data shaped like the API's indicators: « Jeux de données ouverts », 10 → 50 from 01/01/2024 to 31/12/2025. */

export function aMeasurement(overrides: Partial<MeasurementView> = {}): MeasurementView {
  return {
    id: 'm-1',
    indicatorId: 'ind-1',
    on: '2024-03-01',
    value: 14,
    comment: null,
    sourceUrl: null,
    recordedBy: { id: 'p-1', name: 'Camille Le Goff', email: 'camille@example.test' },
    ...overrides,
  };
}

export function anIndicator(overrides: Partial<IndicatorView> = {}): IndicatorView {
  const measurements = overrides.measurements ?? [];
  return {
    id: 'ind-1',
    functionId: 'fn-ethique',
    functionName: 'Éthique',
    name: 'Jeux de données ouverts',
    unit: 'jeux',
    direction: 'up',
    baseline: { on: '2024-01-01', value: 10 },
    target: { on: '2025-12-31', value: 50 },
    latest: measurements.at(-1) ?? null,
    expected: 16.6,
    health: measurements.length ? 'on-track' : 'not-measured',
    version: 1,
    ...overrides,
    measurements,
  };
}
