import { expectNoSeriousA11yViolations } from './a11y';
import { addDays, brest, brestChronogram } from './roadmap';
import { expect, signInThroughApi, test, xsrf } from './session';

interface ChronoAction {
  id: string;
  title: string;
  start: string;
  due: string;
  version: number;
  status: string;
  ownerId: string | null;
  functionId: string;
}

test.describe('deadline reminders', () => {
  test.use({ role: 'admin' });

  test('the administrator runs the job for a day; the owner finds the reminder under the bell, subscribes to a calendar', async ({
    page,
    browser,
    request,
  }, testInfo) => {
    // an open action, re-planned by the project lead to fall due in 7 days with the lead as its owner:
    // the reminder « 7 days before » is due today (a run for a day to come is refused, issue #16)
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    const due = addDays(day, 7);
    const roadmap = await brest(request);
    const chrono = await brestChronogram(request);
    const lead = roadmap.projectLead?.id as string;
    // any open action that may fall due then (earlier tests of the suite change statuses): the lead takes it on
    const action = (chrono.actions as ChronoAction[]).find((a) => !['terminee', 'abandonnee'].includes(a.status) && a.start <= due)!;
    expect(action).toBeTruthy();
    const context = await browser.newContext();
    try {
      await signInThroughApi(context.request, 'lead');
      const replanned = await context.request.patch(`/api/actions/${action.id}`, {
        data: { version: action.version, due, ownerId: lead },
        headers: { 'X-XSRF-TOKEN': await xsrf(context.request) },
      });
      expect(replanned.status(), await replanned.text()).toBe(200);

      await page.goto('/administration');
      const section = page.getByTestId('reminders-admin');
      await expect(section.getByRole('heading', { name: 'Rappels et courriels' })).toBeVisible();
      await section.getByLabel('Jour (facultatif)').fill(day);
      await section.getByRole('button', { name: 'Lancer maintenant' }).click();
      await expect(section.getByTestId('run-report')).toContainText(/\d+ nouveaux? rappels?/);
      await expect(section.getByTestId('runs')).toContainText(day.split('-').reverse().join('/'));
      await expectNoSeriousA11yViolations(page, testInfo);

      const lp = await context.newPage();
      await lp.goto('/');
      const bell = lp.getByTestId('bell');
      await expect(bell).toHaveAccessibleName(/^Rappels, \d+ non lus?$/);
      const before = Number(/(\d+)/.exec((await bell.getAttribute('aria-label')) ?? (await bell.innerText()))?.[1] ?? 0);
      await bell.click();
      const panel = lp.getByTestId('bell-panel');
      await expect(panel.getByRole('heading', { name: 'Rappels' })).toBeFocused();
      await expect(panel).toContainText('échéance dans 7 jours');
      await panel.getByRole('link', { name: action.title }).first().click();
      await expect(lp).toHaveURL(new RegExp(`/actions/${action.id}`));
      await expect(lp.getByRole('heading', { level: 1 })).toHaveText(action.title);
      if (before === 1) await expect(bell).toHaveAccessibleName('Rappels');
      else await expect(bell).not.toHaveAccessibleName(new RegExp(`, ${before} non lus`));

      // the e-mail preference and a calendar to subscribe to
      await lp.goto('/mon-compte');
      await lp.getByLabel('Un courriel récapitulatif par semaine, le lundi').check();
      await lp.getByRole('button', { name: 'Enregistrer ma préférence' }).click();
      await expect(lp.getByText(/Préférence enregistrée/).first()).toBeVisible();
      const feeds = lp.getByTestId('calendar-feeds');
      await feeds.getByLabel(/Mes échéances/).check();
      await feeds.getByRole('button', { name: 'Créer l’adresse du calendrier' }).click();
      const url = await feeds.getByLabel('Adresse secrète du calendrier').inputValue();
      expect(url).toMatch(/\/api\/calendars\/feeds\/[\w-]{43}\.ics$/);
      await expectNoSeriousA11yViolations(lp, testInfo);
      // a calendar application fetches it without any session
      const ics = await (await browser.newContext()).request.get(new URL(url).pathname);
      expect(ics.status()).toBe(200);
      expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
      const text = await ics.text();
      expect(text).toContain('BEGIN:VCALENDAR');
      expect(text).toContain(`UID:action-${action.id}@jalons`);
      expect((await (await request.get('/api/auth/me')).json()).role).toBe('admin');
    } finally {
      await context.close();
    }
  });
});
