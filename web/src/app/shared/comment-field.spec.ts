import { TEXT_MAX } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, signal, viewChild } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormsModule, NgForm } from '@angular/forms';

import { provideFrenchLocale } from '../locale';
import { must, text } from '../testing/dom';
import { JlCommentField } from './comment-field';

@Component({
  selector: 'jl-host',
  imports: [FormsModule, JlCommentField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form novalidate>
      <jl-comment-field controlId="f-comment" [rows]="2" [error]="error()" [(comment)]="comment" />
    </form>
  `,
})
class Host {
  readonly form = viewChild.required(NgForm);
  readonly error = signal<string | null>(null);
  readonly comment = signal('');
}

describe('JlCommentField', () => {
  async function mount() {
    TestBed.configureTestingModule({ providers: [provideFrenchLocale()] });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    return { fixture, el, host: fixture.componentInstance, area: must(el.querySelector<HTMLTextAreaElement>('textarea#f-comment')) };
  }

  it('is an optional comment, labelled, as long as the API accepts, in the page’s form', async () => {
    const { el, host, area } = await mount();
    expect(text(el.querySelector('label[for="f-comment"]'))).toBe('Commentaire (facultatif)');
    expect([area.name, area.getAttribute('rows'), area.getAttribute('maxlength'), area.required]).toEqual([
      'comment',
      '2',
      String(TEXT_MAX.comment),
      false,
    ]);
    expect(Object.keys(host.form().controls)).toEqual(['comment']);
  });

  it('hands what is typed to the page, and shows what is wrong with it', async () => {
    const { fixture, el, host, area } = await mount();
    area.value = 'Comité installé.';
    area.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(host.comment()).toBe('Comité installé.');

    host.error.set('Dites ce qui bloque l’action dans le commentaire.');
    await fixture.whenStable();
    expect(area.getAttribute('aria-invalid')).toBe('true');
    expect(text(el.querySelector('#f-comment-error'))).toBe('Dites ce qui bloque l’action dans le commentaire.');
  });
});
