export const CLOCK = Symbol('CLOCK');

/** Where fulfillment reads the time its decisions depend on (cut-offs, capacity days, expiry). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
