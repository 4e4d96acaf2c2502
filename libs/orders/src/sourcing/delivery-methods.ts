import type { MethodRule } from './sourcing-model';

/** How the goods of one line reach the customer (or the receiving location). */
export const DELIVERY_METHODS = [
  'ship_to_address',
  'same_day',
  'scheduled_window',
  'click_and_collect',
  'ship_to_store',
  'curbside',
  'drop_ship',
  'transfer',
] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** What a delivery method needs beyond its location rule. */
export interface MethodProfile {
  /** The customer collects at the named location; nothing is carried. */
  pickup: boolean;
  /** The goods go to, or are collected at, a location rather than the order's address. */
  needsDestinationLocation: boolean;
  /** A capability the destination location must have. */
  destinationCapability?: string;
  /** The carrier service must deliver the same day. */
  sameDay: boolean;
  /** The carrier service must deliver in a customer-chosen window. */
  timeWindow: boolean;
}

export const METHOD_PROFILES: Readonly<Record<DeliveryMethod, MethodProfile>> = {
  ship_to_address: { pickup: false, needsDestinationLocation: false, sameDay: false, timeWindow: false },
  same_day: { pickup: false, needsDestinationLocation: false, sameDay: true, timeWindow: false },
  scheduled_window: { pickup: false, needsDestinationLocation: false, sameDay: false, timeWindow: true },
  click_and_collect: { pickup: true, needsDestinationLocation: true, destinationCapability: 'pickup', sameDay: false, timeWindow: false },
  curbside: { pickup: true, needsDestinationLocation: true, destinationCapability: 'pickup', sameDay: false, timeWindow: false },
  ship_to_store: {
    pickup: false,
    needsDestinationLocation: true,
    destinationCapability: 'pickup',
    sameDay: false,
    timeWindow: false,
  },
  drop_ship: { pickup: false, needsDestinationLocation: false, sameDay: false, timeWindow: false },
  transfer: {
    pickup: false,
    needsDestinationLocation: true,
    destinationCapability: 'receive_transfers',
    sameDay: false,
    timeWindow: false,
  },
};

/**
 * Which locations may serve each method unless a tenant's rules say otherwise: stores ship and
 * hand over, warehouses and distribution centres ship, suppliers only drop-ship, and a pickup is
 * served only by the store the customer named.
 */
export const DEFAULT_METHOD_RULES: Readonly<Record<DeliveryMethod, MethodRule>> = {
  ship_to_address: { allowedLocationTypes: ['warehouse', 'distribution_centre', 'store'], requiredCapabilities: ['ship'] },
  same_day: { allowedLocationTypes: ['store', 'warehouse', 'distribution_centre'], requiredCapabilities: ['same_day'] },
  scheduled_window: { allowedLocationTypes: ['warehouse', 'distribution_centre', 'store'], requiredCapabilities: ['ship'] },
  click_and_collect: { allowedLocationTypes: ['store'], requiredCapabilities: ['pickup'] },
  curbside: { allowedLocationTypes: ['store'], requiredCapabilities: ['pickup'] },
  ship_to_store: { allowedLocationTypes: ['warehouse', 'distribution_centre'], requiredCapabilities: ['ship'] },
  drop_ship: { allowedLocationTypes: ['supplier'], requiredCapabilities: ['ship'] },
  transfer: { allowedLocationTypes: ['warehouse', 'distribution_centre', 'store'], requiredCapabilities: ['ship'] },
};

export function isDeliveryMethod(value: string): value is DeliveryMethod {
  return (DELIVERY_METHODS as readonly string[]).includes(value);
}
