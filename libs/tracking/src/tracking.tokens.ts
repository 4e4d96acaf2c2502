/** Injection token of the validated {@link TrackingSettings}. */
export const TRACKING_SETTINGS = Symbol('TRACKING_SETTINGS');

/** Injection token of the carrier adapters and pollers the module was given. */
export const CARRIER_INTEGRATIONS = Symbol('CARRIER_INTEGRATIONS');

/** Injection token of the {@link EventSource} replays and rebuilds read past events from. */
export const EVENT_SOURCE = Symbol('EVENT_SOURCE');
