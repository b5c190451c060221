import { ACCESSIBILITY_AUDIT_DATE, accessibilityStatusOf } from './accessibility';

describe('the RGAA status of a rate of criteria met', () => {
  it('is « totalement conforme » at 100 %, « partiellement » from 50 %, « non conforme » below', () => {
    expect(accessibilityStatusOf(68, 68)).toBe('totalement conforme');
    expect(accessibilityStatusOf(67, 68)).toBe('partiellement conforme');
    expect(accessibilityStatusOf(34, 68)).toBe('partiellement conforme');
    expect(accessibilityStatusOf(33, 68)).toBe('non conforme');
    expect(accessibilityStatusOf(0, 68)).toBe('non conforme');
  });

  it('dates the audit as a calendar day', () => {
    expect(ACCESSIBILITY_AUDIT_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
