// What other features may use of the metrics: the module, and the service to report into (ADR 0029).
export { MetricsModule } from './metrics.module';
export { MetricsService } from './metrics.service';
