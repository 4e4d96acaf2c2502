import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../clock';
import type { ordersV1 } from '@baton/contracts';
import { ValidationError, type AddressData } from '@baton/domain';
import { unfulfillableToContract } from '../order/sourcing-decision.mapper';
import { Violations } from '../order/violations';
import type { SourcingRules } from '../rules/sourcing-rules';
import { SourcingRulesService } from '../rules/sourcing-rules.service';
import { buildSourcingRequest } from '../sourcing/build-request';
import { dateAfter } from '../sourcing/calendar';
import { DEFAULT_METHOD_RULES, DELIVERY_METHODS, METHOD_PROFILES, isDeliveryMethod, type DeliveryMethod } from '../sourcing/delivery-methods';
import { sourceOrder } from '../sourcing/source-order';
import { SourcingInputs, type SourcingNetwork } from '../sourcing/sourcing-inputs.service';
import type { SourcingLine } from '../sourcing/sourcing-model';
import { nearestStoresServingToday } from './nearest-stores';

const DEFAULT_MAX_STORES = 3;

interface PromiseInput {
  lines: Array<{ sku: string; quantity: number; unitPriceMinor: number; unitWeightGrams: number }>;
  currency: string;
  destination: AddressData;
  methods: DeliveryMethod[];
  maxStores: number;
  window: { from: Date; to: Date } | null;
  pickupLocationId: string | null;
}

function validate(request: ordersV1.PromiseDeliveryRequest): PromiseInput {
  const v = new Violations();
  if ((request.lines ?? []).length === 0) v.add('lines', 'must contain at least one line');
  if ((request.lines ?? []).length > 200) v.add('lines', 'must contain at most 200 lines');
  const lines = (request.lines ?? []).map((line, i) => ({
    sku: v.text(`lines[${i}].sku`, line.sku, 64),
    quantity: v.integer(`lines[${i}].quantity`, line.quantity, 1, 1_000_000),
    unitPriceMinor: v.integer(`lines[${i}].unitPriceMinor`, line.unitPriceMinor, 0, Number.MAX_SAFE_INTEGER),
    unitWeightGrams: v.integer(`lines[${i}].unitWeightGrams`, line.unitWeightGrams ?? 0, 0, 10_000_000),
  }));
  if (!/^[A-Z]{3}$/.test(request.currency ?? '')) v.add('currency', 'must be a 3-letter ISO 4217 code such as EUR');
  const d = request.destination;
  if (!d) v.add('destination', 'is required');
  if (d && !/^[A-Z]{2}$/.test(d.country ?? '')) v.add('destination.country', 'must be an ISO 3166-1 alpha-2 code such as DE');
  const latitude = v.range('destination.latitude', d?.latitude, -90, 90);
  const longitude = v.range('destination.longitude', d?.longitude, -180, 180);
  const destination: AddressData = { name: d?.name ?? '', line1: d?.line1 ?? '', city: d?.city ?? '', postalCode: d?.postalCode ?? '', country: d?.country ?? '' };
  if (latitude !== undefined && longitude !== undefined) Object.assign(destination, { latitude, longitude });
  const methods: DeliveryMethod[] = [];
  (request.deliveryMethods ?? []).forEach((method, i) => {
    if (!isDeliveryMethod(method)) v.add(`deliveryMethods[${i}]`, `must be one of: ${DELIVERY_METHODS.join(', ')}`);
    else methods.push(method);
  });
  const pickupLocationId = (request.pickupLocationId ?? '').trim() || null;
  let window: { from: Date; to: Date } | null = null;
  if (request.requestedWindow) {
    window = { from: new Date(request.requestedWindow.from), to: new Date(request.requestedWindow.to) };
    if (Number.isNaN(window.from.getTime()) || Number.isNaN(window.to.getTime()) || window.to <= window.from) {
      v.add('requestedWindow', 'must be two ISO 8601 date-times, from before to');
    }
  }
  for (const method of methods) {
    if ((method === 'ship_to_store' || method === 'transfer') && !pickupLocationId) v.add('pickupLocationId', `is required for ${method}`);
    if (method === 'scheduled_window' && !request.requestedWindow) v.add('requestedWindow', 'is required for scheduled_window');
  }
  const maxStores = request.maxStores === 0 ? DEFAULT_MAX_STORES : v.integer('maxStores', request.maxStores, 1, 20);
  if (v.list.length > 0) throw new ValidationError(v.list, 'The promise request is invalid');
  if (methods.length === 0) {
    methods.push('ship_to_address', 'same_day', 'click_and_collect');
    if (window) methods.push('scheduled_window');
    if (pickupLocationId) methods.push('ship_to_store');
  }
  return { lines, currency: request.currency, destination, methods, maxStores, window, pickupLocationId };
}

/**
 * The delivery promise a checkout asks for before the order exists: for each delivery method,
 * whether the cart can go that way, the earliest date and the cost — and, for collection, the
 * nearest stores that can hand over the whole cart today. A dry run of the same engine and rules
 * placement uses (or of a draft version, to try it): nothing is reserved or stored.
 */
@Injectable()
export class DeliveryPromiseService {
  constructor(
    private readonly inputs: SourcingInputs,
    private readonly rules: SourcingRulesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async promise(request: ordersV1.PromiseDeliveryRequest): Promise<ordersV1.PromiseDeliveryResponse> {
    const input = validate(request);
    const ruleSet = await this.rules.version(request.rulesVersion ?? 0);
    const rules = ruleSet.rules;
    const now = this.clock();
    const unknown = input.lines.filter((l) => l.unitWeightGrams === 0).map((l) => l.sku);
    const [network, weights] = await Promise.all([
      this.inputs.network(
        input.lines.map((l) => l.sku),
        input.pickupLocationId ? [input.pickupLocationId] : [],
        { address: input.destination, excludedLocationIds: rules.excludedLocationIds },
      ),
      this.inputs.unitWeights(unknown),
    ]);
    const options = input.methods.map((method) => this.option(method, input, network, weights, rules, now));
    return { options, strategy: rules.defaultStrategy, rulesVersion: ruleSet.version, promisedAt: now.toISOString() };
  }

  private option(
    method: DeliveryMethod,
    input: PromiseInput,
    network: SourcingNetwork,
    weights: Map<string, number>,
    rules: SourcingRules,
    now: Date,
  ): ordersV1.DeliveryOption {
    const empty = { deliveryMethod: method, possible: false, earliestDate: '', costMinor: 0, shipments: 0, unfulfillable: [], stores: [], carrierServiceId: '' };
    if (METHOD_PROFILES[method].pickup && !input.pickupLocationId) {
      const demand = new Map<string, number>();
      for (const line of input.lines) demand.set(line.sku, (demand.get(line.sku) ?? 0) + line.quantity);
      const from =
        input.destination.latitude !== undefined && input.destination.longitude !== undefined
          ? { latitude: input.destination.latitude, longitude: input.destination.longitude }
          : undefined;
      const stores = nearestStoresServingToday(
        network.candidates,
        demand,
        rules.methods[method] ?? DEFAULT_METHOD_RULES[method],
        new Set(rules.excludedLocationIds),
        from,
        input.maxStores,
      );
      if (stores.length === 0) return empty;
      return {
        ...empty,
        possible: true,
        earliestDate: dateAfter(now, 0),
        costMinor: stores[0].handlingCostMinor,
        shipments: 1,
        stores: stores.map((s) => ({ locationId: s.locationId, name: s.name, distanceKm: s.distanceKm ?? 0, readyToday: true, handlingCostMinor: s.handlingCostMinor })),
      };
    }
    const lines: SourcingLine[] = input.lines.map((line, i) => ({
      lineId: `L${i}`,
      sku: line.sku,
      quantity: line.quantity,
      unitValueMinor: line.unitPriceMinor,
      unitWeightGrams: line.unitWeightGrams || (weights.get(line.sku) ?? 0),
      deliveryMethod: method,
      ...(METHOD_PROFILES[method].needsDestinationLocation && input.pickupLocationId ? { destinationLocationId: input.pickupLocationId } : {}),
    }));
    const result = sourceOrder(
      buildSourcingRequest({
        rules,
        strategy: rules.defaultStrategy,
        network,
        lines,
        currency: input.currency,
        address: input.destination,
        requestedWindow: input.window,
        now,
      }),
    );
    if (!result.complete) return { ...empty, unfulfillable: result.unfulfillable.map(unfulfillableToContract) };
    return {
      ...empty,
      possible: true,
      earliestDate: result.totals.latestEtaDate ?? '',
      costMinor: result.totals.totalCostMinor,
      shipments: result.totals.shipments,
      carrierServiceId: result.shipments[0]?.carrierServiceId ?? '',
    };
  }
}
