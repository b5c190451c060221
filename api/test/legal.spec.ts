import type { NestExpressApplication } from '@nestjs/platform-express';
import type { PublicInstanceView } from '@jalons/contract';
import { ACCESSIBILITY_AUDIT_DATE, ACCESSIBILITY_STATUS } from '@jalons/domain';

import { createTestApp } from './app';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/** GET /api/public/instance: what the legal pages show, from the instance's settings, for anybody. */
describe('the instance facts for the legal pages', () => {
  let db: TestDatabase;
  const apps: NestExpressApplication[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ seed: false });
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await db.drop();
  });

  async function instance(env: Record<string, string>): Promise<{ status: number; body: PublicInstanceView }> {
    const { app, http } = await createTestApp(db.url, env);
    apps.push(app);
    const res = await http.get('/api/public/instance');
    return { status: res.status, body: res.body as PublicInstanceView };
  }

  it('answers anybody, signed out, with the editor, the retention periods and the accessibility status as set for the instance', async () => {
    const { status, body } = await instance({
      PUBLIC_URL: 'https://jalons.brest.example/',
      LEGAL_EDITOR: 'Ville de Brest',
      LEGAL_ADDRESS: '2 rue Frézier, 29200 Brest',
      LEGAL_CONTACT_EMAIL: 'donnees@brest.example',
      LEGAL_PUBLICATION_DIRECTOR: 'Le maire de Brest',
      LEGAL_HOST: 'Hébergeur Exemple, 1 rue du Port, 29200 Brest',
      LEGAL_DPO_CONTACT: 'dpo@brest.example',
      RETENTION_SESSIONS_DAYS: '14',
      RETENTION_TOKENS_DAYS: '7',
      RETENTION_OUTBOX_DAYS: '60',
      RETENTION_NOTIFICATIONS_DAYS: '180',
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      name: 'Jalons',
      publicUrl: 'https://jalons.brest.example',
      legal: {
        editor: 'Ville de Brest',
        address: '2 rue Frézier, 29200 Brest',
        contactEmail: 'donnees@brest.example',
        publicationDirector: 'Le maire de Brest',
        host: 'Hébergeur Exemple, 1 rue du Port, 29200 Brest',
        dpoContact: 'dpo@brest.example',
      },
      retention: { sessionsDays: 14, tokensDays: 7, outboxDays: 60, notificationsDays: 180 },
      accessibility: { status: 'partiellement conforme', auditDate: ACCESSIBILITY_AUDIT_DATE, statementPath: '/accessibilite' },
    });
    // the same standing as the footer and the statement (one constant)
    expect(body.accessibility.status).toBe(ACCESSIBILITY_STATUS);
    expect(body.accessibility.auditDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('says null for every legal fact the instance has not set, and the default retention periods', async () => {
    const { status, body } = await instance({});
    expect(status).toBe(200);
    expect(body.legal).toEqual({
      editor: null,
      address: null,
      contactEmail: null,
      publicationDirector: null,
      host: null,
      dpoContact: null,
    });
    expect(body.retention).toEqual({ sessionsDays: 30, tokensDays: 30, outboxDays: 90, notificationsDays: 365 });
  });

  it('gives no other setting (no database address, no mail server, no administrator e-mail)', async () => {
    const { body } = await instance({
      SMTP_URL: 'smtp://secret:pw@mail.example',
      ADMIN_EMAIL: 'admin@brest.example',
      ADMIN_PASSWORD: 'mot-de-passe-tres-secret',
    });
    expect(Object.keys(body).sort()).toEqual(['accessibility', 'legal', 'name', 'publicUrl', 'retention']);
    const text = JSON.stringify(body);
    expect(text).not.toContain('secret');
    expect(text).not.toContain('admin@brest.example');
    expect(text).not.toContain('postgres');
    expect(text).not.toContain('tres-secret');
  });
});
