import { randomUUID } from 'node:crypto';
import { Controller, Inject, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { GrpcMethod } from '@nestjs/microservices';
import { inventoryV1 } from '@baton/contracts';
import { DomainError } from '@baton/domain';
import { GrpcContextInterceptor, SERVICE_METRICS, ServiceMetrics, currentContext } from '@baton/platform';

export interface DoubleLocation {
  id: string;
  name: string;
  type: string;
  capabilities: string[];
  latitude: number;
  longitude: number;
  handlingCostMinor: number;
  country: string;
}

type HeldReservation = inventoryV1.Reservation & { open: number };

/** What the inventory test double holds: locations, stock per (sku, location), inbound supply and reservations. */
export class InventoryState {
  readonly locations = new Map<string, DoubleLocation>();
  readonly stock = new Map<string, Map<string, number>>();
  readonly weights = new Map<string, number>();
  readonly inbound: Array<{ sku: string; locationId: string; quantity: number; eta: string }> = [];
  readonly reservations = new Map<string, HeldReservation>();
  readonly reserveCalls: Array<{ tenantId: string | undefined; request: inventoryV1.ReservePlanRequest }> = [];
  readonly confirmCalls: inventoryV1.ConfirmReservationsRequest[] = [];
  readonly releaseCalls: inventoryV1.ReleaseReservationsRequest[] = [];
  readonly releaseReferences = new Set<string>();
  availabilityCalls = 0;
  /** Stock another order takes between our availability read and our reserve (a lost race). */
  stolenBeforeReserve: { sku: string; locationId: string; quantity: number } | undefined;
  /** Makes confirmReservations fail as if inventory were down. */
  failConfirm = false;

  location(id: string, overrides: Partial<DoubleLocation> = {}): void {
    this.locations.set(id, {
      id,
      name: id,
      type: 'warehouse',
      capabilities: ['ship'],
      latitude: 52.09,
      longitude: 5.12,
      handlingCostMinor: 100,
      country: 'NL',
      ...overrides,
    });
  }

  put(sku: string, locationId: string, available: number): void {
    const bySku = this.stock.get(sku) ?? new Map<string, number>();
    bySku.set(locationId, available);
    this.stock.set(sku, bySku);
  }

  available(sku: string, locationId: string): number {
    return this.stock.get(sku)?.get(locationId) ?? 0;
  }

  held(orderId: string): HeldReservation[] {
    return [...this.reservations.values()].filter((r) => r.orderId === orderId && r.open > 0 && r.status !== 'released' && r.status !== 'expired');
  }

  /** Lets a held reservation expire as inventory's sweeper would: its units return to stock. */
  expire(orderId: string, lineId: string): HeldReservation {
    const reservation = this.reservations.get(`${orderId}/${lineId}`);
    if (!reservation || reservation.status !== 'held') throw new Error(`no held reservation ${orderId}/${lineId}`);
    this.put(reservation.sku, reservation.locationId, this.available(reservation.sku, reservation.locationId) + reservation.open);
    reservation.status = 'expired';
    reservation.open = 0;
    return reservation;
  }

  /** Gives units of a reservation back (as inventory does on a rejection). */
  giveBack(orderId: string, lineId: string, quantity: number): void {
    const reservation = this.reservations.get(`${orderId}/${lineId}`);
    if (!reservation) throw new Error(`no reservation ${orderId}/${lineId}`);
    const take = Math.min(quantity, reservation.open);
    reservation.open -= take;
    if (reservation.open === 0) reservation.status = 'released';
    this.put(reservation.sku, reservation.locationId, this.available(reservation.sku, reservation.locationId) + take);
  }

  reset(): void {
    this.locations.clear();
    this.stock.clear();
    this.weights.clear();
    this.inbound.length = 0;
    this.reservations.clear();
    this.reserveCalls.length = 0;
    this.confirmCalls.length = 0;
    this.releaseCalls.length = 0;
    this.releaseReferences.clear();
    this.availabilityCalls = 0;
    this.stolenBeforeReserve = undefined;
    this.failConfirm = false;
  }
}

export const INVENTORY_STATE = Symbol('INVENTORY_STATE');

function toLocation(l: DoubleLocation): inventoryV1.Location {
  return {
    id: l.id,
    code: l.id,
    name: l.name,
    type: l.type,
    latitude: l.latitude,
    longitude: l.longitude,
    capabilities: l.capabilities,
    active: true,
    address: { line1: '', line2: '', city: '', postalCode: '', region: '', country: l.country },
    timeZone: 'UTC',
    openingHours: [],
    handlingCostMinor: l.handlingCostMinor,
    partnerId: '',
    groups: [],
    createdAt: '',
    updatedAt: '',
  };
}

/**
 * A test double of the inventory service behind a real gRPC server, with the platform's gRPC
 * context interceptor: it keeps inventory's contract for the RPCs orders calls (cart
 * availability with location facts, locations, items, inbound supply; reservations all lines or
 * none, idempotent by (order, line), confirmation, release idempotent by reference;
 * INSUFFICIENT_STOCK with details.lines) on an in-memory network.
 */
@Controller()
class InventoryDoubleController {
  constructor(@Inject(INVENTORY_STATE) private readonly state: InventoryState) {}

  @GrpcMethod(inventoryV1.INVENTORY_SERVICE_NAME, 'getCartAvailability')
  getCartAvailability(request: inventoryV1.GetCartAvailabilityRequest): inventoryV1.GetCartAvailabilityResponse {
    this.state.availabilityCalls += 1;
    const excluded = new Set(request.filter?.excludeLocationIds ?? []);
    const skus = request.skus.map((sku) => {
      const locations = [...(this.state.stock.get(sku) ?? new Map<string, number>())]
        .filter(([locationId, available]) => !excluded.has(locationId) && (available > 0 || request.filter?.includeUnavailable))
        .map(([locationId, available]) => {
          const l = this.state.locations.get(locationId) as DoubleLocation;
          return {
            locationId,
            locationCode: locationId,
            locationName: l.name,
            locationType: l.type,
            capabilities: l.capabilities,
            groups: [],
            latitude: l.latitude,
            longitude: l.longitude,
            onHand: available,
            reserved: 0,
            safetyStock: 0,
            available,
            inbound: 0,
            availableByDate: available,
            handlingCostMinor: l.handlingCostMinor,
            partnerId: '',
            timeZone: 'UTC',
          };
        });
      const total = locations.reduce((sum, l) => sum + l.available, 0);
      return { sku, totalAvailable: total, totalAvailableByDate: total, locations };
    });
    return { skus, asOf: request.filter?.asOf ?? '' };
  }

  @GrpcMethod(inventoryV1.INVENTORY_SERVICE_NAME, 'getLocation')
  getLocation(request: inventoryV1.GetLocationRequest): inventoryV1.GetLocationResponse {
    const found = this.state.locations.get(request.locationId);
    if (!found) throw new DomainError('not_found', 'LOCATION_NOT_FOUND', `Location ${request.locationId} does not exist`);
    return { location: toLocation(found) };
  }

  @GrpcMethod(inventoryV1.INVENTORY_SERVICE_NAME, 'getItem')
  getItem(request: inventoryV1.GetItemRequest): inventoryV1.GetItemResponse {
    const grams = this.state.weights.get(request.sku);
    if (grams === undefined) throw new DomainError('not_found', 'ITEM_NOT_FOUND', `Item ${request.sku} does not exist`);
    return {
      item: {
        sku: request.sku,
        name: request.sku,
        productGroup: 'test',
        unitValueMinor: 0,
        weightGrams: grams,
        safetyStock: 0,
        safetyStockByLocationType: [],
        createdAt: '',
        updatedAt: '',
      },
    };
  }

  @GrpcMethod(inventoryV1.INVENTORY_SERVICE_NAME, 'listInboundSupplies')
  listInboundSupplies(request: inventoryV1.ListInboundSuppliesRequest): inventoryV1.ListInboundSuppliesResponse {
    const supplies = this.state.inbound
      .filter((i) => !request.sku || i.sku === request.sku)
      .map((i, index) => ({
        id: `supply-${index}`,
        kind: 'purchase_order',
        reference: `PO-${index}`,
        supplier: 'acme',
        sourceLocationId: '',
        status: 'open',
        lines: [{ lineId: `${index}`, sku: i.sku, locationId: i.locationId, expectedQuantity: i.quantity, receivedQuantity: 0, eta: i.eta, overReceived: 0, openQuantity: i.quantity, shortClosed: 0 }],
        createdAt: '',
        updatedAt: '',
      }));
    return { supplies, nextPageToken: '' };
  }

  @GrpcMethod(inventoryV1.INVENTORY_SERVICE_NAME, 'reservePlan')
  reservePlan(request: inventoryV1.ReservePlanRequest): inventoryV1.ReservePlanResponse {
    const state = this.state;
    state.reserveCalls.push({ tenantId: currentContext()?.tenantId, request });
    if (state.stolenBeforeReserve) {
      const { sku, locationId, quantity } = state.stolenBeforeReserve;
      state.put(sku, locationId, state.available(sku, locationId) - quantity);
      state.stolenBeforeReserve = undefined;
    }
    const key = (lineId: string) => `${request.orderId}/${lineId}`;
    const missing = request.lines.filter((line) => !state.reservations.has(key(line.lineId)));
    const short = missing.filter((line) => state.available(line.sku, line.locationId) < line.quantity);
    if (short.length > 0) {
      throw new DomainError('conflict', 'INSUFFICIENT_STOCK', `Not enough stock for ${short.length} line(s)`, {
        lines: short.map((line) => ({
          lineId: line.lineId,
          sku: line.sku,
          locationId: line.locationId,
          requested: line.quantity,
          available: state.available(line.sku, line.locationId),
        })),
      });
    }
    const expiresAt = new Date(Date.now() + request.ttlSeconds * 1000).toISOString();
    for (const line of missing) {
      state.put(line.sku, line.locationId, state.available(line.sku, line.locationId) - line.quantity);
      state.reservations.set(key(line.lineId), {
        id: randomUUID(),
        orderId: request.orderId,
        lineId: line.lineId,
        sku: line.sku,
        locationId: line.locationId,
        quantity: line.quantity,
        status: 'held',
        expiresAt,
        open: line.quantity,
      });
    }
    return { reservations: request.lines.map((line) => state.reservations.get(key(line.lineId)) as inventoryV1.Reservation) };
  }

  @GrpcMethod(inventoryV1.INVENTORY_SERVICE_NAME, 'confirmReservations')
  confirmReservations(request: inventoryV1.ConfirmReservationsRequest): inventoryV1.ConfirmReservationsResponse {
    this.state.confirmCalls.push(request);
    if (this.state.failConfirm) throw new DomainError('unavailable', 'INVENTORY_DOWN', 'inventory is down');
    const chosen = request.lineIds.map((lineId) => this.state.reservations.get(`${request.orderId}/${lineId}`));
    if (chosen.some((r) => !r || r.status === 'expired')) {
      throw new DomainError('precondition', 'RESERVATION_EXPIRED', 'Some reservations expired before they were confirmed');
    }
    for (const r of chosen as HeldReservation[]) if (r.status === 'held') r.status = 'confirmed';
    return { reservations: chosen as HeldReservation[] };
  }

  @GrpcMethod(inventoryV1.INVENTORY_SERVICE_NAME, 'releaseReservations')
  releaseReservations(request: inventoryV1.ReleaseReservationsRequest): inventoryV1.ReleaseReservationsResponse {
    this.state.releaseCalls.push(request);
    const released: HeldReservation[] = [];
    for (const line of request.lines) {
      const ref = `${request.orderId}/${line.lineId}/${request.reference}`;
      const reservation = this.state.reservations.get(`${request.orderId}/${line.lineId}`);
      if (!reservation) throw new DomainError('not_found', 'RESERVATION_NOT_FOUND', `no reservation for ${line.lineId}`);
      if (!this.state.releaseReferences.has(ref)) {
        this.state.releaseReferences.add(ref);
        this.state.giveBack(request.orderId, line.lineId, line.quantity);
      }
      released.push(reservation);
    }
    return { reservations: released };
  }
}

export function inventoryDoubleModule(state: InventoryState) {
  @Module({
    controllers: [InventoryDoubleController],
    providers: [
      { provide: INVENTORY_STATE, useValue: state },
      { provide: SERVICE_METRICS, useValue: new ServiceMetrics('inventory-double', { defaultMetrics: false }) },
      { provide: APP_INTERCEPTOR, useClass: GrpcContextInterceptor },
    ],
  })
  class InventoryDoubleModule {}
  return InventoryDoubleModule;
}
