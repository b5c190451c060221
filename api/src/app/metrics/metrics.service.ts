import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The pool of database connections as tarn (knex's pool, over `pg` clients) shows it. */
interface PoolView {
  max: number;
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** The statuses of an outbox message (ADR 0009): each is reported, 0 when none. */
const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

/**
 * The instance's Prometheus metrics (ADR 0029), in a registry of its own (not prom-client's global one: a test may
 * build several applications in one process). Read at `GET /metrics`; the values that cost a query (the outbox) are
 * read when scraped, the others are counted as things happen.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private outboxCounts: () => Promise<Partial<Record<string, number>>> = async () => ({});

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Durée des requêtes HTTP, par méthode, route (motif, sans identifiant) et statut',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly outboxFailures = new Counter({
    name: 'jalons_outbox_send_failures_total',
    help: 'Envois de courriel échoués (chaque tentative)',
    registers: [this.registry],
  });

  private readonly reminderRuns = new Counter({
    name: 'jalons_reminder_runs_total',
    help: 'Exécutions du travail des rappels, par issue (ok, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly reminderLastSuccess = new Gauge({
    name: 'jalons_reminder_last_success_timestamp_seconds',
    help: 'Fin de la dernière exécution réussie du travail des rappels (secondes depuis 1970), 0 avant la première',
    registers: [this.registry],
  });

  constructor(private readonly em: EntityManager) {
    collectDefaultMetrics({ register: this.registry });
    this.reminderRuns.inc({ outcome: 'ok' }, 0);
    this.reminderRuns.inc({ outcome: 'failed' }, 0);
    const pool = () => this.pool();
    new Gauge({
      name: 'jalons_db_pool_connections',
      help: 'Connexions du pool PostgreSQL : total ouvertes, libres (idle), utilisées',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const p = pool();
        const used = p?.numUsed() ?? 0;
        const idle = p?.numFree() ?? 0;
        this.set({ state: 'total' }, used + idle);
        this.set({ state: 'idle' }, idle);
        this.set({ state: 'used' }, used);
      },
    });
    new Gauge({
      name: 'jalons_db_pool_waiting',
      help: 'Demandes de connexion en attente d’une connexion libre du pool',
      registers: [this.registry],
      collect() {
        this.set(pool()?.numPendingAcquires() ?? 0);
      },
    });
    new Gauge({
      name: 'jalons_db_pool_max',
      help: 'Taille maximale du pool PostgreSQL',
      registers: [this.registry],
      collect() {
        this.set(pool()?.max ?? 0);
      },
    });
    const outbox = () => this.outboxCounts();
    new Gauge({
      name: 'jalons_outbox_messages',
      help: 'Courriels de la file d’envoi (outbox), par statut',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        const counts = await outbox();
        for (const status of OUTBOX_STATUSES) this.set({ status }, counts[status] ?? 0);
      },
    });
  }

  /** The reminders feature tells how to count its outbox (a grouped count, run at each scrape). */
  countOutboxWith(counts: () => Promise<Partial<Record<string, number>>>): void {
    this.outboxCounts = counts;
  }

  /** One failed attempt to send an e-mail (retried later or given up). */
  outboxSendFailed(): void {
    this.outboxFailures.inc();
  }

  /** A run of the reminder job has ended, well or not. */
  reminderRunEnded(ok: boolean): void {
    this.reminderRuns.inc({ outcome: ok ? 'ok' : 'failed' });
    if (ok) this.reminderLastSuccess.set(Date.now() / 1000);
  }

  /** The Prometheus text exposition of every metric. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private pool(): PoolView | undefined {
    try {
      return (this.em.getConnection().getKnex().client as { pool?: PoolView }).pool;
    } catch {
      return undefined;
    }
  }
}
