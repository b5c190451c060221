import { addDays, todayInParis } from '@jalons/domain';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { CreateIndicatorDto, CreateMeasurementDto, UpdateIndicatorDto } from './indicators.dto';

/** The fields a DTO instance refuses, with their messages. */
function refused<T extends object>(cls: new () => T, plain: object): Record<string, string[]> {
  const errors = validateSync(plainToInstance(cls, plain), { whitelist: true, forbidNonWhitelisted: true });
  return Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {})]));
}

const indicator = {
  name: 'Jeux de données ouverts',
  unit: 'jeux',
  direction: 'up',
  baselineOn: '2026-04-01',
  baselineValue: 12,
  targetOn: '2032-03-01',
  targetValue: 120,
};

describe('CreateIndicatorDto', () => {
  it('accepts a consistent indicator, up or down', () => {
    expect(refused(CreateIndicatorDto, indicator)).toEqual({});
    expect(refused(CreateIndicatorDto, { ...indicator, direction: 'down', baselineValue: 40.5, targetValue: 0 })).toEqual({});
  });

  it('names each malformed field in French', () => {
    const r = refused(CreateIndicatorDto, {
      name: '',
      unit: 'x'.repeat(31),
      direction: 'sideways',
      baselineOn: '2026-02-30',
      baselineValue: '12',
    });
    expect(Object.keys(r).sort()).toEqual(['baselineOn', 'baselineValue', 'direction', 'name', 'targetOn', 'targetValue', 'unit']);
    expect(r['direction']).toEqual(['direction doit valoir l’un de : up, down (à la hausse, à la baisse).']);
    expect(r['baselineValue'][0]).toMatch(/^baselineValue doit être un nombre/);
    expect(refused(CreateIndicatorDto, { ...indicator, targetValue: 1e13 })['targetValue'][0]).toMatch(/^targetValue doit être un nombre/);
  });

  it('wants the target date after the baseline date', () => {
    expect(refused(CreateIndicatorDto, { ...indicator, targetOn: '2026-04-01' })).toEqual({
      targetOn: ['La date de la cible doit être après celle de la valeur de départ (01/04/2026).'],
    });
  });

  it('wants a target different from the baseline and on the side of the direction', () => {
    expect(refused(CreateIndicatorDto, { ...indicator, targetValue: 12 })).toEqual({
      targetValue: ['La cible doit être différente de la valeur de départ.'],
    });
    expect(refused(CreateIndicatorDto, { ...indicator, targetValue: 5 })['targetValue'][0]).toContain('à la hausse');
    expect(refused(CreateIndicatorDto, { ...indicator, direction: 'down' })['targetValue'][0]).toContain('à la baisse');
  });
});

describe('UpdateIndicatorDto', () => {
  it('takes the version and any field', () => {
    expect(refused(UpdateIndicatorDto, { version: 2, targetValue: 80 })).toEqual({});
    expect(Object.keys(refused(UpdateIndicatorDto, { name: 'x' }))).toEqual(['version']);
  });
});

describe('CreateMeasurementDto', () => {
  const today = todayInParis();

  it('accepts a value of today with a comment and an http(s) source', () => {
    expect(refused(CreateMeasurementDto, { on: today, value: 0 })).toEqual({});
    expect(
      refused(CreateMeasurementDto, { on: today, value: 3.25, comment: 'Rapport annuel', sourceUrl: 'https://data.brest.fr/x?y=1' }),
    ).toEqual({});
    expect(refused(CreateMeasurementDto, { on: today, value: 3, comment: null, sourceUrl: null })).toEqual({});
  });

  it('refuses a day after today (Paris)', () => {
    const r = refused(CreateMeasurementDto, { on: addDays(today, 1), value: 3 });
    expect(Object.keys(r)).toEqual(['on']);
    expect(r['on'][0]).toMatch(/^on ne peut pas être après aujourd’hui/);
  });

  it('refuses a source that is not an http(s) address of 500 characters at most', () => {
    for (const sourceUrl of [
      'javascript:alert(1)',
      'ftp://example.org/a',
      'data.brest.fr',
      `https://example.org/${'a'.repeat(490)}`,
      'https://exa mple.org',
    ]) {
      expect(Object.keys(refused(CreateMeasurementDto, { on: today, value: 3, sourceUrl }))).toEqual(['sourceUrl']);
    }
  });

  it('refuses a value that is not a finite number', () => {
    expect(Object.keys(refused(CreateMeasurementDto, { on: today, value: 'douze' }))).toEqual(['value']);
    expect(Object.keys(refused(CreateMeasurementDto, { on: today, value: Number.NaN }))).toEqual(['value']);
  });
});
