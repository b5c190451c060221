import { formatExpected, formatValue } from './indicator-format';
import { aMeasurement, anIndicator } from './testing/indicator-factories';

describe('indicator values as written', () => {
  it('writes the value expected today as precisely as the indicator’s own figures', () => {
    const whole = anIndicator({
      unit: 'directions',
      baseline: { on: '2026-03-23', value: 0 },
      target: { on: '2026-12-31', value: 24 },
      measurements: [aMeasurement({ value: 17 })],
      expected: 21.2857,
    });
    expect(formatExpected(whole, 'fr')).toBe('21\u00a0directions');

    const tenths = anIndicator({ measurements: [aMeasurement({ value: 22.5 })], expected: 16.6667 });
    expect(formatExpected(tenths, 'fr')).toBe('16,7\u00a0jeux');
    expect(formatExpected(tenths, 'en')).toBe('16.7\u00a0jeux');
  });

  it('keeps two decimals at most, and a dash for no value', () => {
    expect(formatValue(1234.5678, 'jeux', 'fr')).toBe('1\u202f234,57\u00a0jeux');
    expect(formatValue(null, 'jeux', 'fr')).toBe('—');
  });
});
