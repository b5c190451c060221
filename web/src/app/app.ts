import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import {
  IsActiveMatchOptions,
  RouterLink,
  RouterLinkActive,
  RouterOutlet,
} from '@angular/router';

import { CurrentRoadmap } from './data/current-roadmap';

/** The shell: header (name, roadmap in view, navigation) and the main content area. */
@Component({
  selector: 'jl-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  protected readonly roadmap = inject(CurrentRoadmap).roadmap;
  /** « Vue du mandat » is the current page on / only, whatever the query */
  protected readonly exactPath: IsActiveMatchOptions = {
    paths: 'exact',
    queryParams: 'ignored',
    matrixParams: 'ignored',
    fragment: 'ignored',
  };
}
