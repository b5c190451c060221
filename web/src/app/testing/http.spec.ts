import { HttpClient } from '@angular/common/http';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { AuthService } from '../data/auth.service';
import { ApiRequestError, toApiRequestError } from '../data/api-error';
import { refusal, ruleBroken, setUpPageTest } from './http';

@Component({ template: '' })
class BlankPage {}

describe('the test helpers for HTTP', () => {
  it('answers with the error body the API sends and its status', async () => {
    const http = setUpPageTest(BlankPage);
    const answer = firstValueFrom(TestBed.inject(HttpClient).get('/api/actions/act-1')).catch((e: unknown) => toApiRequestError(e));
    http
      .expectOne('/api/actions/act-1')
      .flush(...refusal(409, 'version_conflict', 'Version périmée.', { currentVersion: 4, errors: [{ field: 'due', message: 'Non.' }] }));
    const err = (await answer) as ApiRequestError;
    expect(err.status).toBe(409);
    expect(err.message).toBe('Version périmée.');
    expect(err.body).toEqual({
      statusCode: 409,
      error: 'version_conflict',
      message: 'Version périmée.',
      currentVersion: 4,
      errors: [{ field: 'due', message: 'Non.' }],
    });
    http.verify();
  });

  it('writes a broken planning rule as the API does', () => {
    expect(ruleBroken('due', 'Trop tard.')).toEqual([
      {
        statusCode: 422,
        error: 'rule_broken',
        message: 'Une règle n’est pas respectée.',
        errors: [{ field: 'due', message: 'Trop tard.' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    ]);
  });

  it('signs the project lead in by default, nobody when asked', () => {
    setUpPageTest(BlankPage);
    expect(TestBed.inject(AuthService).me()?.role).toBe('lead');
    TestBed.resetTestingModule();
    setUpPageTest(BlankPage, null);
    expect(TestBed.inject(AuthService).me()).toBeNull();
  });
});
