// The only script of a public roadmap page drawn by the server (ADR 0040): that page is sent without the app, so
// its two buttons are served here. « Imprimer la page » prints; « Français | English » keeps the choice (the
// cookie the server reads, and localStorage as the app does) and asks the page again in that language.
(() => {
  'use strict';
  const KEY = 'jalons.lang';
  const LANGS = ['fr', 'en'];

  const choose = (lang) => {
    document.cookie = `${KEY}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`;
    try {
      localStorage.setItem(KEY, lang);
    } catch {
      // storage refused: the cookie is enough here
    }
    const url = new URL(location.href);
    // an address with ?lang= would override the choice
    if (url.searchParams.has('lang')) {
      url.searchParams.delete('lang');
      location.assign(url.toString());
    } else {
      location.reload();
    }
  };

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!target) return;
    const action = target.getAttribute('data-action');
    if (action === 'print') {
      window.print();
    } else if (action === 'lang') {
      const lang = target.getAttribute('lang');
      if (LANGS.includes(lang) && lang !== document.documentElement.lang) choose(lang);
    }
  });

  // a language chosen in the app before the server read a cookie: the page once more, in that language
  try {
    const saved = localStorage.getItem(KEY);
    const asked = new URLSearchParams(location.search).has('lang') || document.cookie.includes(`${KEY}=`);
    if (LANGS.includes(saved) && saved !== document.documentElement.lang && !asked) choose(saved);
  } catch {
    // storage refused: the language the server chose
  }
})();
