import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { of } from 'rxjs';

import { CurrentRoadmap } from '../data/current-roadmap';
import { aRoadmap } from '../testing/factories';
import { RoadmapDirectory } from './roadmap-directory';
import { RoadmapSwitcher } from './roadmap-switcher';

describe('RoadmapSwitcher', () => {
  const brest = aRoadmap();
  const quimper = aRoadmap({ id: 'rm-2', slug: 'quimper-2026-2032', territory: 'Quimper' });

  async function render(): Promise<{ host: HTMLElement; navigate: jest.SpyInstance }> {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: RoadmapDirectory, useValue: { generation: signal(0), list: () => of([brest, quimper]) } }],
    });
    TestBed.inject(CurrentRoadmap).set(brest);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const fixture = TestBed.createComponent(RoadmapSwitcher);
    await fixture.whenStable();
    fixture.detectChanges();
    return { host: fixture.nativeElement as HTMLElement, navigate };
  }

  it('opens another roadmap only on « Afficher », not when the list changes (an arrow key on it: RGAA 7.4)', async () => {
    const { host, navigate } = await render();
    const select = host.querySelector('select#roadmap-switcher') as HTMLSelectElement;
    expect(select.value).toBe(brest.slug);
    expect(host.querySelector('label[for="roadmap-switcher"]')?.textContent?.trim()).toBe('Feuille de route');
    expect(host.querySelector('button[type="submit"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Afficher la feuille de route choisie',
    );

    select.value = quimper.slug;
    select.dispatchEvent(new Event('change'));
    expect(navigate).not.toHaveBeenCalled();

    (host.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    expect(navigate).toHaveBeenCalledWith(`/r/${quimper.slug}`);
  });

  it('stays put when « Afficher » is pressed on the roadmap in view', async () => {
    const { host, navigate } = await render();
    (host.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    expect(navigate).not.toHaveBeenCalled();
  });
});
