// The start of the app on a page the server drew for a signed-in reader (ADR 0040, decision 3). The page is complete
// and readable as sent; the app (its `main` module, already downloaded: the page preloads it) starts when the reader
// needs it, not during the load:
//  - at the first gesture: a touch, a click, a key, the wheel, a scroll, the mouse moving, a focus;
//  - or when a part the app draws (a section below the first screen, `data-deferred`) comes into view, which is at
//    once on a screen tall enough to show one.
// A link or a button pressed before the app has taken the page over is pressed again once it has: the reader's
// tap is not lost, and a link opens in the app, without reloading. If the app cannot be loaded, the links work as
// plain links.
(() => {
  'use strict';
  const script = document.currentScript;
  const app = script && script.getAttribute('data-app');
  if (!app) return;

  const GESTURES = ['pointerdown', 'touchstart', 'keydown', 'wheel', 'mousemove', 'focusin'];
  let started = false;
  let ready = false;
  /** the last link or button pressed while the app was starting */
  let pressed = null;
  let observer = null;

  const replay = () => {
    const element = pressed;
    pressed = null;
    if (element && element.isConnected) element.click();
  };

  // the page stays as drawn: a link pressed meanwhile opens as a plain link
  const giveUp = () => {
    if (ready) return;
    ready = true;
    const element = pressed;
    pressed = null;
    const link = element && element.closest('a[href]');
    if (link) location.assign(link.href);
  };

  const start = () => {
    if (started) return;
    started = true;
    for (const type of GESTURES) document.removeEventListener(type, start, true);
    window.removeEventListener('scroll', start, true);
    if (observer) observer.disconnect();
    // the app says when it has taken the page over, or that it could not start (main.ts)
    document.addEventListener(
      'jalons:started',
      () => {
        ready = true;
        replay();
      },
      { once: true },
    );
    document.addEventListener('jalons:failed', giveUp, { once: true });
    import(new URL(app, document.baseURI).href).catch((err) => {
      console.error(err);
      giveUp();
    });
  };

  // a press before the app is ready: held, then pressed again (a new tab, a download, a modified click: the browser's)
  document.addEventListener(
    'click',
    (event) => {
      if (ready || event.defaultPrevented || event.button !== 0) return;
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target.closest('a[href], button') : null;
      if (!target || target.hasAttribute('download') || (target.getAttribute('target') ?? '_self') !== '_self') return;
      if (target instanceof HTMLAnchorElement && target.origin !== location.origin) return;
      event.preventDefault();
      event.stopPropagation();
      pressed = target;
      start();
    },
    true,
  );

  for (const type of GESTURES) document.addEventListener(type, start, { capture: true, passive: true });
  window.addEventListener('scroll', start, { capture: true, passive: true });

  // a part only the app draws, in view: the reader is waiting for it
  const deferred = document.querySelectorAll('[data-deferred]');
  if (deferred.length && 'IntersectionObserver' in window) {
    observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) start();
    });
    deferred.forEach((element) => observer.observe(element));
  } else if (deferred.length) {
    start();
  }
})();
