export const CLOCK = Symbol('CLOCK');

/** The time sourcing plans for (cut-offs, ETAs); replaceable so tests can fix the time of day. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
