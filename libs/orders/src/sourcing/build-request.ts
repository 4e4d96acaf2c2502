import type { AddressData } from '@baton/domain';
import type { SourcingRules } from '../rules/sourcing-rules';
import type { SourcingNetwork } from './sourcing-inputs.service';
import type { SourcingLine, SourcingRequest, SourcingStrategy } from './sourcing-model';

/** The engine request for some lines of an order under a tenant's rules. */
export function buildSourcingRequest(input: {
  rules: SourcingRules;
  strategy: SourcingStrategy;
  network: SourcingNetwork;
  lines: SourcingLine[];
  currency: string;
  address: AddressData | null;
  requestedWindow: { from: Date; to: Date } | null;
  now: Date;
  excludedLocationIds?: readonly string[];
}): SourcingRequest {
  const { rules, address } = input;
  const request: SourcingRequest = {
    now: input.now.toISOString(),
    currency: input.currency,
    lines: input.lines,
    destinationLocations: input.network.destinations,
    candidates: input.network.candidates,
    carrierServices: rules.carrierServices,
    strategy: input.strategy,
    weights: rules.weights,
    constraints: {
      methods: rules.methods,
      excludedLocationIds: [...new Set([...rules.excludedLocationIds, ...(input.excludedLocationIds ?? [])])],
      maxSplits: rules.maxSplits,
      keepLinesWhole: rules.keepLinesWhole,
    },
  };
  if (address) {
    request.address = { country: address.country };
    if (address.latitude !== undefined && address.longitude !== undefined) {
      request.address.coordinates = { latitude: address.latitude, longitude: address.longitude };
    }
  }
  if (input.requestedWindow) {
    request.requestedWindow = { from: input.requestedWindow.from.toISOString(), to: input.requestedWindow.to.toISOString() };
  }
  return request;
}
