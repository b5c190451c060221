/**
 * @jest-environment ./src/app/gantt/testing/paris-jsdom.environment.js
 */
import { TestBed } from '@angular/core/testing';

import { JlGantt } from './gantt';
import type { GanttAdd } from './gantt-events';
import { aChronogram } from './testing/chronogram';
import { accessibleName } from '../testing/dom';
import { fakeLayoutInJsdom } from './testing/gantt-harness';

beforeAll(fakeLayoutInJsdom);

// « + » on a function's row: creating an item in it, offered only where the page says one may.
describe('JlGantt « + » on a function’s row', () => {
  async function mount(canAddTo?: (functionId: string) => boolean) {
    const fixture = TestBed.createComponent(JlGantt);
    fixture.componentRef.setInput('chronogram', aChronogram());
    if (canAddTo) fixture.componentRef.setInput('canAddTo', canAddTo);
    const added: GanttAdd[] = [];
    fixture.componentInstance.add.subscribe((e) => added.push(e));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    return { el, added, buttons: () => Array.from(el.querySelectorAll<HTMLButtonElement>('button.jl-gantt__add')) };
  }

  it('is offered nowhere by default', async () => {
    const { buttons } = await mount();
    expect(buttons()).toEqual([]);
  });

  it('is offered on the rows of the functions one may write in, named after the function, and says which was asked', async () => {
    const { buttons, added } = await mount((id) => id === 'fn-juridique');
    // read out by its name, the « + » drawn for the eyes only
    expect(buttons().map(accessibleName)).toEqual(['Ajouter une action ou un jalon : Juridique']);
    expect(buttons()[0].closest('li')?.querySelector('.jl-gantt__group .jl-gantt__name')?.textContent).toBe('Juridique');
    buttons()[0].click();
    expect(added).toEqual([{ functionId: 'fn-juridique' }]);
  });

  it('is offered on every row to the project lead', async () => {
    const { buttons } = await mount(() => true);
    expect(buttons()).toHaveLength(2);
  });
});
