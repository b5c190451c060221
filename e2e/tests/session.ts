import type { APIRequestContext } from '@playwright/test';
import { expect, test as base } from '@playwright/test';

/** The demo accounts the app creates on its embedded database (README, « Comptes de démonstration »). */
export const DEMO_PASSWORD = 'demo-jalons-2026';
export const DEMO = {
  admin: 'admin@brest.example',
  lead: 'camille.legoff@brest.example',
  owner: 'soizic.lebihan@brest.example',
  elected: 'yannick.kerherve@brest.example',
} as const;
export type DemoRole = keyof typeof DEMO;

export async function xsrf(request: APIRequestContext): Promise<string> {
  const cookie = (await request.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN');
  if (!cookie) throw new Error('no XSRF-TOKEN cookie yet');
  return decodeURIComponent(cookie.value);
}

/** Signs the browser context of `request` in through the API (cookies land in the context). */
export async function signInThroughApi(request: APIRequestContext, role: DemoRole): Promise<void> {
  await request.get('/api/auth/me');
  const res = await request.post('/api/auth/login', {
    data: { email: DEMO[role], password: DEMO_PASSWORD },
    headers: { 'X-XSRF-TOKEN': await xsrf(request) },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** `request` with the anti-CSRF header on every write, as the web app sends it. */
function echoingXsrf(request: APIRequestContext): APIRequestContext {
  const wrap =
    (method: 'post' | 'put' | 'patch' | 'delete') =>
    async (url: string, options: Parameters<APIRequestContext['post']>[1] = {}) =>
      request[method](url, { ...options, headers: { ...(options.headers ?? {}), 'X-XSRF-TOKEN': await xsrf(request) } });
  return Object.assign(Object.create(request) as APIRequestContext, {
    post: wrap('post'),
    put: wrap('put'),
    patch: wrap('patch'),
    delete: wrap('delete'),
  });
}

/**
 * Tests run signed in (as the project lead unless `test.use({ role })` says otherwise; `null`:
 * anonymous). `request` shares the page's cookies, so API calls and pages see the same session.
 */
export const test = base.extend<{ role: DemoRole | null }>({
  role: ['lead', { option: true }],
  page: async ({ page, role }, use) => {
    // the app runs under a strict Content-Security-Policy: anything it blocks is a defect
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    if (role) await signInThroughApi(page.request, role);
    await use(page);
    expect(blocked, 'blocked by the Content-Security-Policy').toEqual([]);
  },
  request: async ({ page }, use) => {
    await use(echoingXsrf(page.request));
  },
});

export { expect };
