/** Injection token of the service's {@link EventBus}. */
export const EVENT_BUS = Symbol.for('baton.EVENT_BUS');

/** Injection token of the {@link MessagingOptions} a service passed to `MessagingModule.forService`. */
export const MESSAGING_OPTIONS = Symbol.for('baton.MESSAGING_OPTIONS');

/** Injection token of the optional `Partial<OutboxRelayOptions>`. */
export const OUTBOX_RELAY_OPTIONS = Symbol.for('baton.OUTBOX_RELAY_OPTIONS');
