/**
 * @jest-environment ./src/app/gantt/testing/paris-jsdom.environment.js
 */
import { TestBed } from '@angular/core/testing';

import { I18n } from '../i18n/i18n';
import { chartRange, xOfDayMiddle } from './gantt-layout';
import { aChronogram } from './testing/chronogram';
import { barOf, fakeLayoutInJsdom, mount, num, rectOf, setInput, text } from './testing/gantt-harness';

beforeAll(fakeLayoutInJsdom);

describe('JlGantt', () => {
  afterEach(() => jest.restoreAllMocks());

  describe('French, view modes and today', () => {
    it('labels the quarter view T1 … T4 under the years, with no English text from the library', async () => {
      const { el } = await mount();
      const lower = Array.from(el.querySelectorAll('.lower-text')).map(text);
      const upper = Array.from(el.querySelectorAll('.upper-text')).map(text);
      expect(lower.slice(0, 6)).toEqual(['T3', 'T4', 'T1', 'T2', 'T3', 'T4']);
      expect(upper).toEqual(['2025', '2026', '2027', '2028']);
      const all = text(el);
      for (const english of ['Today', 'Month', 'Mode', 'Progress', 'days', 'Week', 'Year', 'Quarter']) {
        expect(all).not.toContain(english);
      }
      expect(el.querySelector('.today-button, .viewmode-select')).toBeNull();
    });

    it('shows French month names in the month view, picked from the toolbar', async () => {
      const { el, fixture } = await mount();
      const buttons = Array.from(el.querySelectorAll<HTMLButtonElement>('.jl-gantt__mode'));
      expect(buttons.map(text)).toEqual(['Mois', 'Trimestre', 'Année']);
      expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'false']);
      buttons[0].click();
      await fixture.whenStable();
      expect(buttons[0].getAttribute('aria-pressed')).toBe('true');
      const lower = Array.from(el.querySelectorAll('.lower-text')).map(text);
      expect(lower.slice(0, 13)).toEqual([
        'Août',
        'Septembre',
        'Octobre',
        'Novembre',
        'Décembre',
        'Janvier',
        'Février',
        'Mars',
        'Avril',
        'Mai',
        'Juin',
        'Juillet',
        'Août',
      ]);
      // the bars follow the scale: 4 px a day from 01/08/2025
      expect(num(rectOf(el, 'a-a-charte'), 'x')).toBe(227 * 4);
      expect(num(rectOf(el, 'a-a-charte'), 'width')).toBe(107 * 4);
    });

    it('follows the viewMode input (year view: one label per year)', async () => {
      const m = await mount(aChronogram(), { viewMode: 'year' });
      expect(Array.from(m.el.querySelectorAll('.lower-text')).map(text)).toEqual(['2025', '2026', '2027', '2028']);
      await setInput(m, 'viewMode', 'month');
      expect(text(m.el.querySelector('.lower-text'))).toBe('Août');
    });

    it('leaves the toolbar to the page when asked (toolbar = false), scrollToToday() still works', async () => {
      const view = aChronogram();
      const m = await mount(view);
      await setInput(m, 'toolbar', false);
      expect(m.el.querySelector('.jl-gantt__toolbar')).toBeNull();
      const container = m.el.querySelector<HTMLElement>('.gantt-container') as HTMLElement;
      container.scrollLeft = 0;
      m.fixture.componentInstance.scrollToToday();
      expect(container.scrollLeft).toBe(Math.round(xOfDayMiddle('2026-06-15', chartRange(view, 'quarter'), 'quarter')));
    });

    it('shows a French card when the pointer rests on a bar', async () => {
      const { el } = await mount();
      barOf(el, 'a-a-charte')?.dispatchEvent(new MouseEvent('mouseenter'));
      await new Promise((resolve) => setTimeout(resolve, 250)); // frappe waits 200 ms
      const popup = el.querySelector('.popup-wrapper');
      expect(popup?.classList.contains('hide')).toBe(false);
      expect(text(popup?.querySelector('.title'))).toBe('Rédiger la charte éthique');
      expect(text(popup?.querySelector('.subtitle'))).toBe('Éthique · En cours');
      const lines = (popup?.querySelector('.details')?.innerHTML ?? '').split('<br>').map((l) => l.replace(/\s+/g, ' '));
      expect(lines).toEqual([
        'Du 16/03/2026 au 30/06/2026 (107 jours)',
        'Avancement : 80 %',
        'Responsable : Soizic Le Bihan',
        'Santé : À l’heure',
      ]);
    });

    it('scrolls to today with the « Aujourd’hui » button', async () => {
      const view = aChronogram();
      const { el } = await mount(view);
      const container = el.querySelector<HTMLElement>('.gantt-container');
      if (!container) throw new Error('no container');
      container.scrollLeft = 0;
      const button = Array.from(el.querySelectorAll('button')).find((b) => text(b) === 'Aujourd’hui');
      button?.click();
      // jsdom has no width: today is brought to the left third of a 0-px viewport, i.e. x
      expect(container.scrollLeft).toBe(Math.round(xOfDayMiddle('2026-06-15', chartRange(view, 'quarter'), 'quarter')));
    });
  });

  describe('in English', () => {
    afterEach(() => {
      localStorage.clear();
      document.documentElement.lang = 'fr';
    });

    it('redraws its labels in English when the language changes: scales, months, quarters, today, list, summary, card', async () => {
      const m = await mount();
      expect(text(m.el.querySelector('.jl-mark-label--today'))).toBe('Aujourd’hui');
      await TestBed.inject(I18n).use('en');
      await m.fixture.whenStable();
      const { el } = m;

      const buttons = Array.from(el.querySelectorAll<HTMLButtonElement>('.jl-gantt__mode'));
      expect(buttons.map(text)).toEqual(['Month', 'Quarter', 'Year']);
      expect(el.querySelector('.jl-gantt__toolbar [role="group"]')?.getAttribute('aria-label')).toBe('Time scale');
      expect(Array.from(el.querySelectorAll('.lower-text')).map(text).slice(0, 6)).toEqual(['Q3', 'Q4', 'Q1', 'Q2', 'Q3', 'Q4']);
      expect(text(el.querySelector('.jl-mark-label--today'))).toBe('Today');
      expect(el.querySelector('.jl-mark-label--election')?.getAttribute('title')).toBe('Election of 15/03/2026');
      expect(el.querySelector('.jl-gantt__chart')?.getAttribute('aria-label')).toBe(
        'Gantt chart: 5 actions of which 1 late, 2 milestones of which 1 late, from 01/09/2025 to 31/03/2028',
      );
      expect(text(el.querySelector('.jl-gantt__item .jl-gantt__meta'))).toBe('Camille Le Goff · Done');

      buttons[0].click();
      await m.fixture.whenStable();
      expect(Array.from(el.querySelectorAll('.lower-text')).map(text).slice(0, 6)).toEqual([
        'August',
        'September',
        'October',
        'November',
        'December',
        'January',
      ]);

      barOf(el, 'a-a-charte')?.dispatchEvent(new MouseEvent('mouseenter'));
      await new Promise((resolve) => setTimeout(resolve, 250)); // frappe waits 200 ms
      const popup = el.querySelector('.popup-wrapper');
      expect(text(popup?.querySelector('.subtitle'))).toBe('Éthique · In progress');
      expect((popup?.querySelector('.details')?.innerHTML ?? '').split('<br>')).toEqual([
        'From 16/03/2026 to 30/06/2026 (107 days)',
        'Progress: 80%',
        'Owner: Soizic Le Bihan',
        'Health: On track',
      ]);
    });
  });
});
