import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject, of, throwError } from 'rxjs';

import { AuthService } from '../data/auth.service';
import { aMe, provideSession } from '../testing/session';
import { ItemUpdate, canUpdateItem } from './item-update';

describe('ItemUpdate', () => {
  function setUp() {
    const item = signal({ id: 'act-1', version: 3 });
    const reload = jest.fn();
    const update = TestBed.runInInjectionContext(() => new ItemUpdate(item, ['status', 'comment'], reload));
    return { item, reload, update };
  }
  const refusedWith = (status: number, body: object) =>
    throwError(() => new HttpErrorResponse({ status, error: { statusCode: status, error: 'x', ...body } }));

  it('sends the trimmed comment only when there is one, and empties it when the item is reloaded', () => {
    const { item, update } = setUp();
    expect(update.commentToSend()).toEqual({});
    update.comment.set('  Comité installé.  ');
    expect(update.commentToSend()).toEqual({ comment: 'Comité installé.' });
    item.set({ id: 'act-1', version: 4 });
    expect(update.comment()).toBe('');
  });

  it('while sending says so; once saved, confirms and reloads the item', () => {
    const { reload, update } = setUp();
    update.conflict.set(true);
    const answer = new Subject<void>();
    update.send(answer, 'Mise à jour enregistrée.');
    expect([update.saving(), update.conflict(), update.saved()]).toEqual([true, false, null]);
    answer.next();
    expect([update.saving(), update.saved()]).toEqual([false, 'Mise à jour enregistrée.']);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('on a version conflict, says so and leaves the fields alone', () => {
    const { reload, update } = setUp();
    const refused = jest.fn();
    update.send(refusedWith(409, { message: 'Version périmée.' }), 'ok', refused);
    expect(update.conflict()).toBe(true);
    expect(update.errors().general).toEqual([]);
    expect(refused).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  it('spreads another refusal over the fields, the rest above the form', () => {
    const { update } = setUp();
    const refused = jest.fn();
    update.send(
      refusedWith(422, { message: 'Une règle n’est pas respectée.', errors: [{ field: 'comment', message: 'Dites ce qui bloque.' }] }),
      'ok',
      refused,
    );
    expect(refused).toHaveBeenCalledTimes(1);
    expect(update.errors()).toEqual({ byField: { comment: 'Dites ce qui bloque.' }, general: ['Une règle n’est pas respectée.'] });
    expect([update.saving(), update.saved(), update.conflict()]).toEqual([false, null, false]);

    update.send(of(null), 'Mise à jour enregistrée.');
    expect(update.errors()).toEqual({ byField: {}, general: [] });
  });

  it('lets the project lead and the owner of the item’s function change it, nobody else', () => {
    TestBed.configureTestingModule({ providers: [provideSession(aMe({ role: 'owner', functionIds: ['fn-ethique'] }))] });
    const item = signal<{ functionId: string } | undefined>(undefined);
    const canUpdate = TestBed.runInInjectionContext(() => canUpdateItem(item));
    TestBed.inject(AuthService);
    expect(canUpdate()).toBe(false);
    item.set({ functionId: 'fn-ethique' });
    expect(canUpdate()).toBe(true);
    item.set({ functionId: 'fn-socle' });
    expect(canUpdate()).toBe(false);
  });
});
