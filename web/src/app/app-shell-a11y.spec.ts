import type { MeView } from '@jalons/contract';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, Routes, provideRouter, withComponentInputBinding } from '@angular/router';

import { App } from './app';
import { appRoutes } from './app.routes';
import { provideFrenchLocale } from './locale';
import { text } from './testing/dom';
import { aMe, provideSession } from './testing/session';

/** The shell's skip link and footer (issue 13, ADR 0026), on every page but the one made for an iframe. */
describe('App shell: skip link and footer', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<App>;
  let shell: HTMLElement;

  function setUp(me: MeView | null, routes: Routes = appRoutes): void {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter(routes, withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFrenchLocale(),
        provideSession(me),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(App);
    shell = fixture.nativeElement as HTMLElement;
  }

  async function open(url: string): Promise<void> {
    await TestBed.inject(Router).navigateByUrl(url);
    await fixture.whenStable();
    // the bell of a signed-in person asks for the reminders on each page
    for (const req of http.match('/api/notifications')) req.flush({ unread: 0, items: [] });
    fixture.detectChanges();
  }

  const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])';
  const footerLinks = (): string[][] => Array.from(shell.querySelectorAll('footer a')).map((a) => [text(a), a.getAttribute('href') ?? '']);
  const FOOTER = [
    ['Accessibilité : partiellement conforme', '/accessibilite'],
    ['Mentions légales', '/mentions-legales'],
    ['Données personnelles', '/donnees-personnelles'],
    ['Données ouvertes', '/public'],
  ];

  it('starts every page with « Aller au contenu », which moves the keyboard to the main area', async () => {
    setUp(null);
    await open('/connexion');
    const first = shell.querySelector<HTMLAnchorElement>(FOCUSABLE);
    expect(text(first)).toBe('Aller au contenu');
    // the page's own address: `#contenu` alone would be the home page's under <base href="/"> (a page without the app)
    expect(first?.getAttribute('href')).toBe('/connexion#contenu');
    const main = shell.querySelector<HTMLElement>('main');
    expect(main?.id).toBe('contenu');
    expect(main?.getAttribute('tabindex')).toBe('-1');

    first?.click();
    expect(document.activeElement).toBe(main);
    // the router did not take it for a page
    expect(TestBed.inject(Router).url).toBe('/connexion');
  });

  it('ends the pages of a person signed out with the footer: accessibility status, legal pages, open data', async () => {
    setUp(null);
    await open('/connexion');
    expect(footerLinks()).toEqual(FOOTER);
    // after the main area, outside it: the page's contentinfo landmark
    expect(shell.querySelector('main footer')).toBeNull();
    expect(shell.querySelector('main + footer')).not.toBeNull();
  });

  it('ends the pages of a signed-in person with the same footer, after their navigation', async () => {
    setUp(aMe({ role: 'elected' }));
    await open('/acces-refuse');
    expect(shell.querySelector('header nav')).not.toBeNull();
    expect(footerLinks()).toEqual(FOOTER);
    expect(text(shell.querySelector(FOCUSABLE))).toBe('Aller au contenu');
  });

  it('on a phone, draws the menu’s links when « Menu » is first opened, and keeps them', async () => {
    // a screen narrower than 640 px (jsdom has no matchMedia: elsewhere the shell is as wide as a desktop)
    const phone = { matches: true, addEventListener: jest.fn(), removeEventListener: jest.fn() };
    Object.defineProperty(window, 'matchMedia', { configurable: true, value: (query: string) => ({ ...phone, media: query }) });
    try {
      setUp(aMe({ role: 'elected' }));
      await open('/acces-refuse');
      const menu = shell.querySelector<HTMLButtonElement>('.shell-menu-button');
      expect(menu?.getAttribute('aria-controls')).toBe('shell-menu');
      expect(shell.querySelector('#shell-menu')).not.toBeNull();
      expect(shell.querySelector('header nav')).toBeNull();
      menu?.click();
      await fixture.whenStable();
      expect(shell.querySelector('header nav')).not.toBeNull();
      menu?.click();
      await fixture.whenStable();
      // folded again (app.scss hides it), still drawn
      expect(menu?.getAttribute('aria-expanded')).toBe('false');
      expect(shell.querySelector('header nav')).not.toBeNull();
    } finally {
      delete (window as { matchMedia?: unknown }).matchMedia;
    }
  });

  it('has neither header nor footer on a page made for an iframe (data.embed), the main area keeping its target', async () => {
    @Component({ selector: 'jl-embed-stub', template: '<p>Encart</p>' })
    class EmbedStub {}
    setUp(null, [{ path: 'public/essai/encart', data: { bare: true, embed: true }, component: EmbedStub }, ...appRoutes]);
    await open('/public/essai/encart');
    expect(shell.querySelector('header')).toBeNull();
    expect(shell.querySelector('footer')).toBeNull();
    expect(text(shell.querySelector('main#contenu'))).toBe('Encart');

    // back to an ordinary page: both return
    await open('/connexion');
    expect(shell.querySelector('header')).not.toBeNull();
    expect(footerLinks()).toEqual(FOOTER);
  });
});
