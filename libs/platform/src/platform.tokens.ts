/** Injection token of the service's validated {@link ServiceConfig}. */
export const SERVICE_CONFIG = Symbol.for('baton.SERVICE_CONFIG');
/** Injection token of the service's {@link ServiceMetrics}. */
export const SERVICE_METRICS = Symbol.for('baton.SERVICE_METRICS');
/** Injection token of the {@link HealthChecks} registry (the same instance as the class token). */
export const HEALTH_CHECKS = Symbol.for('baton.HEALTH_CHECKS');
