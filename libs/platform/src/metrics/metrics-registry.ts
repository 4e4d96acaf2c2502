import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One Prometheus registry per service. In the standalone process several services share a
 * process, so each gets its own registry labelled with its name rather than the global one.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'transport' | 'method' | 'code'>;
  readonly requestDuration: Histogram<'transport' | 'method' | 'code'>;
  readonly outboxBacklog: Gauge;
  readonly consumerLag: Gauge<'consumer' | 'stream'>;
  readonly eventsHandled: Counter<'consumer' | 'type' | 'outcome'>;

  constructor(readonly service: string, options: { defaultMetrics?: boolean } = {}) {
    this.registry.setDefaultLabels({ service });
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'baton_' });
    this.requests = new Counter({
      name: 'baton_requests_total',
      help: 'Requests handled, by transport (http, grpc), method and result code',
      labelNames: ['transport', 'method', 'code'],
      registers: [this.registry],
    });
    this.requestDuration = new Histogram({
      name: 'baton_request_duration_seconds',
      help: 'Request latency, by transport, method and result code',
      labelNames: ['transport', 'method', 'code'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.outboxBacklog = new Gauge({
      name: 'baton_outbox_backlog',
      help: 'Outbox events committed but not yet published',
      registers: [this.registry],
    });
    this.consumerLag = new Gauge({
      name: 'baton_consumer_lag',
      help: 'Events published to a stream and not yet handled by this service',
      labelNames: ['consumer', 'stream'],
      registers: [this.registry],
    });
    this.eventsHandled = new Counter({
      name: 'baton_events_handled_total',
      help: 'Events handled by this service, by consumer, type and outcome (applied, duplicate, failed, parked)',
      labelNames: ['consumer', 'type', 'outcome'],
      registers: [this.registry],
    });
  }
}
