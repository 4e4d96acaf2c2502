import { randomUUID } from 'node:crypto';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { GrpcMethod } from '@nestjs/microservices';
import { fulfillmentV1 } from '@baton/contracts';
import { DomainError } from '@baton/domain';
import { GrpcContextInterceptor, SERVICE_METRICS, ServiceMetrics, currentContext, grpcServerOptions } from '@baton/platform';
import { freePort } from '@baton/testing';
import { type GatewayUnderTest, startGateway } from './gateway-under-test';

const SERVICE = fulfillmentV1.FULFILLMENT_SERVICE_NAME;
const STORE = randomUUID();
const OTHER_STORE = randomUUID();
const ORDER = randomUUID();

const calls: Array<{ method: string; request: any; tenantId?: string }> = [];
const fulfillments = new Map<string, fulfillmentV1.Fulfillment>();
const shipments = new Map<string, string>();

function fulfillment(locationId: string): fulfillmentV1.Fulfillment {
  const id = randomUUID();
  const made: fulfillmentV1.Fulfillment = {
    id,
    orderId: ORDER,
    locationId,
    deliveryMethod: 'ship_to_address',
    status: 'created',
    lines: [{ lineId: 'L1', sku: 'TEE', quantity: 1, pickedQuantity: 0, shortQuantity: 0, collectedQuantity: 0, unitPriceMinor: 1000 }],
    createdAt: new Date().toISOString(),
    legType: 'ship',
    destinationLocationId: '',
    dependsOnFulfillmentId: '',
    priority: 5,
    dueAt: '',
    late: false,
    windowStart: '',
    windowEnd: '',
    carrierStrategy: '',
    rejectReason: '',
    pickupExpiresAt: '',
    arrivedAt: '',
    arrivalNote: '',
    shipTo: undefined,
    packages: [],
    shipments: [],
    updatedAt: new Date().toISOString(),
    currency: 'EUR',
  };
  fulfillments.set(id, made);
  return made;
}

/** A double of the fulfillment service: records each call and answers as fulfillment would. */
@Controller()
class FulfillmentDoubleController {
  private record(method: string, request: unknown): void {
    calls.push({ method, request, tenantId: currentContext()?.tenantId });
  }

  private found(fulfillmentId: string): fulfillmentV1.Fulfillment {
    const found = fulfillments.get(fulfillmentId);
    if (!found) throw new DomainError('not_found', 'FULFILLMENT_NOT_FOUND', `No fulfilment order ${fulfillmentId}`, { fulfillmentId });
    return found;
  }

  @GrpcMethod(SERVICE, 'getFulfillment')
  getFulfillment(request: fulfillmentV1.GetFulfillmentRequest): fulfillmentV1.GetFulfillmentResponse {
    this.record('getFulfillment', request);
    return { fulfillment: this.found(request.fulfillmentId) };
  }

  @GrpcMethod(SERVICE, 'listOrderFulfillments')
  listOrderFulfillments(request: fulfillmentV1.ListOrderFulfillmentsRequest): fulfillmentV1.ListOrderFulfillmentsResponse {
    this.record('listOrderFulfillments', request);
    return { fulfillments: [...fulfillments.values()].filter((f) => f.orderId === request.orderId) };
  }

  @GrpcMethod(SERVICE, 'listFulfillments')
  listFulfillments(request: fulfillmentV1.ListFulfillmentsRequest): fulfillmentV1.ListFulfillmentsResponse {
    this.record('listFulfillments', request);
    return { fulfillments: [...fulfillments.values()].filter((f) => f.locationId === request.locationId) };
  }

  @GrpcMethod(SERVICE, 'acceptFulfillment')
  acceptFulfillment(request: fulfillmentV1.AcceptFulfillmentRequest): fulfillmentV1.AcceptFulfillmentResponse {
    this.record('acceptFulfillment', request);
    const found = this.found(request.fulfillmentId);
    if (found.status !== 'created') throw new DomainError('precondition', 'ILLEGAL_TRANSITION', 'no', { from: found.status, to: 'accepted', reason: 'NOT_ALLOWED' });
    found.status = 'accepted';
    return { fulfillment: found };
  }

  @GrpcMethod(SERVICE, 'packFulfillment')
  packFulfillment(request: fulfillmentV1.PackFulfillmentRequest): fulfillmentV1.PackFulfillmentResponse {
    this.record('packFulfillment', request);
    return { fulfillment: this.found(request.fulfillmentId) };
  }

  @GrpcMethod(SERVICE, 'shipFulfillment')
  shipFulfillment(request: fulfillmentV1.ShipFulfillmentRequest): fulfillmentV1.ShipFulfillmentResponse {
    this.record('shipFulfillment', request);
    return { fulfillment: this.found(request.fulfillmentId) };
  }

  @GrpcMethod(SERVICE, 'confirmPick')
  confirmPick(request: fulfillmentV1.ConfirmPickRequest): fulfillmentV1.ConfirmPickResponse {
    this.record('confirmPick', request);
    return { fulfillment: this.found(request.fulfillmentId) };
  }

  @GrpcMethod(SERVICE, 'getShipmentLabel')
  getShipmentLabel(request: fulfillmentV1.GetShipmentLabelRequest): fulfillmentV1.GetShipmentLabelResponse {
    this.record('getShipmentLabel', request);
    const fulfillmentId = shipments.get(request.shipmentId);
    if (!fulfillmentId) throw new DomainError('not_found', 'SHIPMENT_NOT_FOUND', 'No shipment');
    const pdf = request.format === 'zpl' ? Buffer.from('^XA^XZ') : Buffer.from('%PDF-1.4\n%%EOF\n');
    return { content: pdf, contentType: request.format === 'zpl' ? 'application/zpl' : 'application/pdf', filename: 'label-X.pdf', fulfillmentId };
  }

  @GrpcMethod(SERVICE, 'createPickList')
  createPickList(request: fulfillmentV1.CreatePickListRequest): fulfillmentV1.CreatePickListResponse {
    this.record('createPickList', request);
    return { pickList: { id: randomUUID(), locationId: request.locationId, fulfillmentIds: [], items: [], createdAt: new Date().toISOString() } };
  }
}

@Module({
  controllers: [FulfillmentDoubleController],
  providers: [
    { provide: SERVICE_METRICS, useValue: new ServiceMetrics('fulfillment-double', { defaultMetrics: false }) },
    { provide: APP_INTERCEPTOR, useClass: GrpcContextInterceptor },
  ],
})
class FulfillmentDoubleModule {}

describe('gateway fulfilment routes: validation, forwarding, roles, partner scope, labels', () => {
  let gw: GatewayUnderTest;
  let double: INestMicroservice;
  let readonlyKey: string;
  let partnerKey: string;
  const lastCall = (method: string) => [...calls].reverse().find((c) => c.method === method);

  beforeAll(async () => {
    const url = `127.0.0.1:${await freePort()}`;
    double = await NestFactory.createMicroservice(FulfillmentDoubleModule, { ...grpcServerOptions('fulfillment', url), logger: false });
    await double.listen();
    gw = await startGateway({ FULFILLMENT_GRPC_URL: url });
    readonlyKey = (await gw.request('POST', '/v1/admin/api-keys', { body: { name: 'reader', roles: ['readonly'] } })).body.key;
    await gw.request('POST', '/v1/admin/partners', { body: { id: 'franchise-f', name: 'F', locationIds: [STORE] } });
    partnerKey = (await gw.request('POST', '/v1/admin/api-keys', { body: { name: 'store app', roles: ['store'], partnerId: 'franchise-f' } })).body.key;
  });

  afterAll(async () => {
    await gw?.stop();
    await double?.close();
  });

  it('forwards operations with their defaults filled and the tenant in the context', async () => {
    const work = fulfillment(STORE);
    expect((await gw.request('POST', `/v1/fulfillments/${work.id}/accept`)).body).toMatchObject({ id: work.id, status: 'accepted' });
    expect(lastCall('acceptFulfillment')).toMatchObject({ tenantId: gw.operatorTenant, request: { fulfillmentId: work.id } });
    await gw.request('POST', `/v1/fulfillments/${work.id}/pick`, { body: { lines: [{ lineId: 'L1', quantity: 1 }] } });
    expect(lastCall('confirmPick')?.request).toEqual({ fulfillmentId: work.id, lines: [{ lineId: 'L1', quantity: 1 }], scannedSkus: [] });
    await gw.request('POST', `/v1/fulfillments/${work.id}/pack`, { body: { packages: [{ weightGrams: 10, lengthMm: 1, widthMm: 1, heightMm: 1 }] } });
    expect(lastCall('packFulfillment')?.request.packages).toEqual([{ weightGrams: 10, lengthMm: 1, widthMm: 1, heightMm: 1, lines: [] }]);
    await gw.request('POST', `/v1/fulfillments/${work.id}/ship`, { body: {} });
    expect(lastCall('shipFulfillment')?.request).toEqual({ fulfillmentId: work.id, carrierId: '', serviceCode: '', strategy: '' });
    const again = await gw.request('POST', `/v1/fulfillments/${work.id}/accept`);
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { reason: 'NOT_ALLOWED' } });
  });

  it('refuses bad input with 400 naming each field, without calling the service', async () => {
    const work = fulfillment(STORE);
    const before = calls.length;
    const pick = await gw.request('POST', `/v1/fulfillments/${work.id}/pick`, { body: { lines: [{ lineId: 'L1', quantity: -1 }], scannedSkus: 'TEE', status: 'picked' } });
    expect(pick.status).toBe(400);
    expect(pick.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['lines.0.quantity', 'scannedSkus', 'status']));
    const pack = await gw.request('POST', `/v1/fulfillments/${work.id}/pack`, { body: { packages: [{ weightGrams: 0, lengthMm: 1, widthMm: 1 }] } });
    expect(pack.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['packages.0.weightGrams', 'packages.0.heightMm']));
    const ship = await gw.request('POST', `/v1/fulfillments/${work.id}/ship`, { body: { strategy: 'slowest', carrierId: 'Bad Carrier' } });
    expect(ship.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['strategy', 'carrierId']));
    expect((await gw.request('POST', `/v1/fulfillments/${work.id}/hand-over`, { body: { pickupCode: 'abc' } })).status).toBe(400);
    expect((await gw.request('POST', `/v1/fulfillments/not-a-uuid/accept`)).status).toBe(400);
    const list = await gw.request('GET', '/v1/fulfillments?status=lost');
    expect(list.body.errors.map((e: { field: string }) => e.field)).toEqual(['status']);
    expect((await gw.request('PUT', '/v1/fulfillment-policy', { body: { onLate: 'shout' } })).status).toBe(400);
    expect(calls.length).toBe(before);
    const noLocation = await gw.request('GET', '/v1/fulfillments');
    expect(noLocation.status).toBe(400);
    expect(noLocation.body.errors).toEqual([expect.objectContaining({ field: 'locationId' })]);
  });

  it('lets a read-only key read but not work', async () => {
    const work = fulfillment(STORE);
    expect((await gw.request('GET', `/v1/fulfillments/${work.id}`, { key: readonlyKey })).status).toBe(200);
    expect((await gw.request('POST', `/v1/fulfillments/${work.id}/accept`, { key: readonlyKey })).status).toBe(403);
    expect((await gw.request('PUT', `/v1/fulfillment-locations/${STORE}`, { key: readonlyKey, body: { dailyCapacity: 1 } })).status).toBe(403);
  });

  it('shows a partner only fulfilments at its own locations, and lets it act only there', async () => {
    const own = fulfillment(STORE);
    const foreign = fulfillment(OTHER_STORE);
    expect((await gw.request('GET', `/v1/fulfillments/${own.id}`, { key: partnerKey })).status).toBe(200);
    const hidden = await gw.request('GET', `/v1/fulfillments/${foreign.id}`, { key: partnerKey });
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('FULFILLMENT_NOT_FOUND');
    const before = calls.filter((c) => c.method === 'acceptFulfillment').length;
    expect((await gw.request('POST', `/v1/fulfillments/${foreign.id}/accept`, { key: partnerKey })).status).toBe(404);
    expect(calls.filter((c) => c.method === 'acceptFulfillment').length).toBe(before);
    expect((await gw.request('GET', `/v1/fulfillments?locationId=${OTHER_STORE}`, { key: partnerKey })).status).toBe(403);
    const byOrder = await gw.request('GET', `/v1/fulfillments?orderId=${ORDER}`, { key: partnerKey });
    expect(byOrder.body.items.every((f: { locationId: string }) => f.locationId === STORE)).toBe(true);
    expect((await gw.request('POST', '/v1/pick-lists', { key: partnerKey, body: { locationId: OTHER_STORE } })).status).toBe(403);
    expect((await gw.request('POST', '/v1/pick-lists', { key: partnerKey, body: { locationId: STORE } })).status).toBe(201);
    const foreignShipment = randomUUID();
    shipments.set(foreignShipment, foreign.id);
    expect((await gw.request('GET', `/v1/shipments/${foreignShipment}/label`, { key: partnerKey })).status).toBe(404);
  });

  it('serves labels as documents, PDF or ZPL', async () => {
    const work = fulfillment(STORE);
    const shipmentId = randomUUID();
    shipments.set(shipmentId, work.id);
    const pdf = await gw.request('GET', `/v1/shipments/${shipmentId}/label`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe('inline; filename="label-X.pdf"');
    expect(pdf.text.startsWith('%PDF-1.4')).toBe(true);
    expect(lastCall('getShipmentLabel')?.request).toEqual({ shipmentId, format: 'pdf' });
    const zpl = await gw.request('GET', `/v1/shipments/${shipmentId}/label?format=zpl`);
    expect(zpl.headers.get('content-type')).toContain('application/zpl');
    expect((await gw.request('GET', `/v1/shipments/${shipmentId}/label?format=png`)).status).toBe(400);
  });

  it('documents every fulfilment route in the OpenAPI document', async () => {
    const document = (await (await fetch(`${gw.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, { summary?: string }>> };
    for (const path of [
      '/v1/fulfillments',
      '/v1/fulfillments/{id}',
      '/v1/fulfillments/{id}/accept',
      '/v1/fulfillments/{id}/reject',
      '/v1/fulfillments/{id}/pick',
      '/v1/fulfillments/{id}/pack',
      '/v1/fulfillments/{id}/ship',
      '/v1/fulfillments/{id}/ready',
      '/v1/fulfillments/{id}/hand-over',
      '/v1/fulfillments/{id}/arrive',
      '/v1/pick-lists',
      '/v1/carriers/services',
      '/v1/carriers/quotes',
      '/v1/shipments/{id}/label',
    ]) {
      expect(document.paths[path]).toBeDefined();
      for (const operation of Object.values(document.paths[path])) expect(operation.summary).toBeTruthy();
    }
  });
});
