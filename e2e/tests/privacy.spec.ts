import { readFileSync } from 'node:fs';

import { expectNoSeriousA11yViolations } from './a11y';
import { DEMO, expect, test } from './session';

/*
 * Personal data rights (issue 13): a person downloads their own data from Mon compte; an
 * administrator anonymises an invited account of their own making through the confirmation dialog.
 * Nothing here touches the seeded people other tests rely on.
 */
test.describe('personal data rights', () => {
  test.describe('Mon compte « Mes données »', () => {
    test.use({ role: 'elected' });

    test('downloads my data as a JSON file holding my e-mail; the page passes axe', async ({ page }, testInfo) => {
      await page.goto('/mon-compte');
      const section = page.getByTestId('my-data');
      await expect(section.getByRole('heading', { name: 'Mes données' })).toBeVisible();
      await expect(section.getByRole('link', { name: 'Vos droits et les durées de conservation' })).toHaveAttribute(
        'href',
        '/donnees-personnelles',
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        section.getByRole('button', { name: 'Télécharger mes données (JSON)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^mes-donnees-jalons-\d{4}-\d\d-\d\d\.json$/);
      const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
      expect(data.account.email).toBe(DEMO.elected);
      expect(JSON.stringify(data)).not.toMatch(/password|hash/i);
      await expect(section.getByText(/téléchargé\.$/)).toBeVisible();
      await expectNoSeriousA11yViolations(page, testInfo);
    });
  });

  test.describe('Administration « Anonymiser »', () => {
    test.use({ role: 'admin' });

    test('anonymises an invited account through the dialog; the row says so; the page with the dialog passes axe', async ({
      page,
      request,
    }, testInfo) => {
      const stamp = Date.now().toString(36);
      const name = `Partie Privacy ${stamp}`;
      const created = await request.post('/api/accounts', { data: { name, email: `partie.${stamp}@brest.example`, role: 'elected' } });
      expect(created.status(), await created.text()).toBe(201);

      await page.goto('/administration');
      const row = page.locator('[data-testid="accounts"] tbody tr', { has: page.getByRole('rowheader', { name }) });
      await row.getByRole('button', { name: `Anonymiser le compte de ${name}` }).click();
      const dialog = page.getByRole('dialog', { name: `Anonymiser le compte de ${name} ?` });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText('ne peut pas être annulée');
      await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
      await expectNoSeriousA11yViolations(page, testInfo);

      await dialog.getByRole('button', { name: 'Anonymiser définitivement' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId('announcement')).toContainText('Ancien·ne responsable');
      const gone = page.locator('[data-testid="accounts"] tbody tr', { hasText: `anonyme-` }).filter({ hasText: /Anonymisé·e le/ });
      await expect(gone.first()).toBeVisible();
      await expect(page.getByRole('rowheader', { name })).toHaveCount(0);
      await expectNoSeriousA11yViolations(page, testInfo);
    });
  });
});
