import { randomUUID } from 'node:crypto';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { GrpcMethod } from '@nestjs/microservices';
import { returnsV1 } from '@baton/contracts';
import { DomainError } from '@baton/domain';
import { GrpcContextInterceptor, SERVICE_METRICS, ServiceMetrics, currentContext, grpcServerOptions } from '@baton/platform';
import { freePort } from '@baton/testing';
import { type GatewayUnderTest, startGateway } from './gateway-under-test';

const SERVICE = returnsV1.RETURNS_SERVICE_NAME;
const STORE = randomUUID();
const OTHER_STORE = randomUUID();
const CONFLICT_ORDER = '00000000-0000-4000-8000-00000000c0f1';

/** What the returns double was asked, with the tenant and partner each call carried. */
const calls: Array<{ method: string; request: any; tenantId?: string; partnerId?: string }> = [];
const returns = new Map<string, returnsV1.Return>();

function rma(overrides: Partial<returnsV1.Return> = {}): returnsV1.Return {
  const id = overrides.id ?? randomUUID();
  const full: returnsV1.Return = {
    id,
    rmaNumber: 'RMA-TEST',
    orderId: randomUUID(),
    status: 'authorised',
    method: 'in_store',
    locationId: STORE,
    createdBy: 'store',
    reference: '',
    currency: 'EUR',
    customerEmail: 'ada@example.com',
    refundMode: 'refund',
    noRefundReason: '',
    lines: [],
    units: [],
    label: undefined,
    refund: undefined,
    exchange: undefined,
    history: [],
    carrier: '',
    trackingNumber: '',
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
  returns.set(id, full);
  return full;
}

/** A double of the returns service: records each call and answers what the returns service would. */
@Controller()
class ReturnsDoubleController {
  private record(method: string, request: unknown): void {
    calls.push({ method, request, tenantId: currentContext()?.tenantId, partnerId: currentContext()?.partnerId });
  }

  private found(returnId: string): returnsV1.Return {
    const found = returns.get(returnId);
    if (!found) throw new DomainError('not_found', 'RETURN_NOT_FOUND', `Return ${returnId} does not exist`, { returnId });
    return found;
  }

  @GrpcMethod(SERVICE, 'createReturn')
  createReturn(request: returnsV1.CreateReturnRequest): returnsV1.CreateReturnResponse {
    this.record('createReturn', request);
    if (request.orderId === CONFLICT_ORDER) {
      throw new DomainError('conflict', 'RETURN_QUANTITY_EXCEEDED', 'More units than are left to return', {
        lines: [{ lineId: 'L1', requested: 1, returnable: 0 }],
      });
    }
    return { rma: rma({ orderId: request.orderId, locationId: request.locationId }), created: request.reference !== 'REPEAT' };
  }

  @GrpcMethod(SERVICE, 'getReturn')
  getReturn(request: returnsV1.GetReturnRequest): returnsV1.GetReturnResponse {
    this.record('getReturn', request);
    return { rma: this.found(request.returnId) };
  }

  @GrpcMethod(SERVICE, 'listReturns')
  listReturns(request: returnsV1.ListReturnsRequest): returnsV1.ListReturnsResponse {
    this.record('listReturns', request);
    return { returns: [...returns.values()].slice(0, 1), nextPageToken: 'next-page' };
  }

  @GrpcMethod(SERVICE, 'getReturnable')
  getReturnable(request: returnsV1.GetReturnableRequest): returnsV1.GetReturnableResponse {
    this.record('getReturnable', request);
    return { orderId: request.orderId, currency: 'EUR', windowEndsAt: '', windowOpen: true, lines: [] };
  }

  @GrpcMethod(SERVICE, 'markInTransit')
  markInTransit(request: returnsV1.MarkInTransitRequest) {
    this.record('markInTransit', request);
    return { rma: this.found(request.returnId) };
  }

  @GrpcMethod(SERVICE, 'receiveReturn')
  receiveReturn(request: returnsV1.ReceiveReturnRequest) {
    this.record('receiveReturn', request);
    return { rma: this.found(request.returnId) };
  }

  @GrpcMethod(SERVICE, 'inspectReturn')
  inspectReturn(request: returnsV1.InspectReturnRequest) {
    this.record('inspectReturn', request);
    return { rma: this.found(request.returnId) };
  }

  @GrpcMethod(SERVICE, 'disposeReturn')
  disposeReturn(request: returnsV1.DisposeReturnRequest) {
    this.record('disposeReturn', request);
    return { rma: this.found(request.returnId) };
  }

  @GrpcMethod(SERVICE, 'rejectReturn')
  rejectReturn(request: returnsV1.RejectReturnRequest) {
    this.record('rejectReturn', request);
    return { rma: this.found(request.returnId) };
  }

  @GrpcMethod(SERVICE, 'cancelReturn')
  cancelReturn(request: returnsV1.CancelReturnRequest) {
    this.record('cancelReturn', request);
    return { rma: this.found(request.returnId) };
  }

  @GrpcMethod(SERVICE, 'confirmRefund')
  confirmRefund(request: returnsV1.ConfirmRefundRequest) {
    this.record('confirmRefund', request);
    return { rma: this.found(request.returnId) };
  }

  @GrpcMethod(SERVICE, 'getReturnPolicy')
  getReturnPolicy(request: returnsV1.GetReturnPolicyRequest) {
    this.record('getReturnPolicy', request);
    return { policy: { returnWindowDays: 30, reasons: [], version: 0 } };
  }

  @GrpcMethod(SERVICE, 'setReturnPolicy')
  setReturnPolicy(request: returnsV1.SetReturnPolicyRequest) {
    this.record('setReturnPolicy', request);
    return { policy: { ...request.policy, version: 1 } };
  }
}

@Module({
  controllers: [ReturnsDoubleController],
  providers: [
    { provide: SERVICE_METRICS, useValue: new ServiceMetrics('returns-double', { defaultMetrics: false }) },
    { provide: APP_INTERCEPTOR, useClass: GrpcContextInterceptor },
  ],
})
class ReturnsDoubleModule {}

describe('gateway return routes: validation, forwarding, roles and partner scope', () => {
  let gw: GatewayUnderTest;
  let double: INestMicroservice;
  let readonlyKey: string;
  let partnerKey: string;
  const lastCall = (method: string) => [...calls].reverse().find((c) => c.method === method);

  beforeAll(async () => {
    const url = `127.0.0.1:${await freePort()}`;
    double = await NestFactory.createMicroservice(ReturnsDoubleModule, { ...grpcServerOptions('returns', url), logger: false });
    await double.listen();
    gw = await startGateway({ RETURNS_GRPC_URL: url });
    readonlyKey = (await gw.request('POST', '/v1/admin/api-keys', { body: { name: 'reader', roles: ['readonly'] } })).body.key;
    await gw.request('POST', '/v1/admin/partners', { body: { id: 'franchise-r', name: 'R', locationIds: [STORE] } });
    partnerKey = (await gw.request('POST', '/v1/admin/api-keys', { body: { name: 'store app', roles: ['store'], partnerId: 'franchise-r' } })).body.key;
  });

  afterAll(async () => {
    await gw?.stop();
    await double?.close();
  });

  const createBody = (overrides: Record<string, unknown> = {}) => ({
    orderId: randomUUID(),
    method: 'in_store',
    locationId: STORE,
    lines: [{ lineId: 'L1', quantity: 1, reasonCode: 'wrong_size' }],
    ...overrides,
  });

  it('forwards a return with its defaults filled and the tenant in the context; 200 when the reference was used before', async () => {
    const created = await gw.request('POST', '/v1/returns', { body: createBody() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'authorised', locationId: STORE });
    expect(lastCall('createReturn')).toMatchObject({
      tenantId: gw.operatorTenant,
      request: { method: 'in_store', createdBy: 'channel', refundMode: 'refund', reference: '', noRefundReason: '', exchangeLines: [] },
    });
    expect(lastCall('createReturn')?.request.lines).toEqual([{ lineId: 'L1', quantity: 1, reasonCode: 'wrong_size', note: '' }]);
    expect((await gw.request('POST', '/v1/returns', { body: createBody({ reference: 'REPEAT' }) })).status).toBe(200);
  });

  it('refuses bad input with 400 naming each field, without calling the service', async () => {
    const before = calls.length;
    const bad = await gw.request('POST', '/v1/returns', {
      body: { orderId: 'x', method: 'drone', lines: [{ lineId: '', quantity: 0, reasonCode: 'Bad Reason' }], tenantId: 'other' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['lines.0.lineId', 'lines.0.quantity', 'lines.0.reasonCode', 'method', 'orderId', 'tenantId'].sort(),
    );
    const badGrade = await gw.request('POST', `/v1/returns/${randomUUID()}/inspect`, { body: { grades: [{ unitId: randomUUID(), grade: 'meh' }] } });
    expect(badGrade.body.errors.map((e: { field: string }) => e.field)).toEqual(['grades.0.grade']);
    expect(calls.length).toBe(before);
  });

  it("keeps the service's refusal: 409 problem+json with its code and details", async () => {
    const refused = await gw.request('POST', '/v1/returns', { body: createBody({ orderId: CONFLICT_ORDER }) });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'RETURN_QUANTITY_EXCEEDED', details: { lines: [{ lineId: 'L1', returnable: 0 }] } });
  });

  it('forwards every handling route with its body and defaults', async () => {
    const { id } = rma({ status: 'received' });
    const unit = randomUUID();
    expect((await gw.request('POST', `/v1/returns/${id}/in-transit`, { body: { carrier: 'PostNL' } })).status).toBe(200);
    expect(lastCall('markInTransit')?.request).toEqual({ returnId: id, carrier: 'PostNL', trackingNumber: '' });
    await gw.request('POST', `/v1/returns/${id}/receive`, {
      body: { receiptId: 'scan-1', locationId: STORE, lines: [{ lineId: 'L1', quantity: 1 }], unexpected: [{ sku: 'SOCKS', quantity: 1 }] },
    });
    expect(lastCall('receiveReturn')?.request).toEqual({
      returnId: id,
      receiptId: 'scan-1',
      locationId: STORE,
      lines: [{ lineId: 'L1', quantity: 1 }],
      unexpected: [{ sku: 'SOCKS', quantity: 1, note: '' }],
    });
    await gw.request('POST', `/v1/returns/${id}/inspect`, { body: { grades: [{ unitId: unit, grade: 'damaged' }] } });
    expect(lastCall('inspectReturn')?.request).toEqual({ returnId: id, grades: [{ unitId: unit, grade: 'damaged', note: '' }], finish: true });
    await gw.request('POST', `/v1/returns/${id}/dispose`, { body: { units: [{ unitId: unit, disposition: 'transfer', targetLocationId: OTHER_STORE }] } });
    expect(lastCall('disposeReturn')?.request).toEqual({ returnId: id, units: [{ unitId: unit, disposition: 'transfer', targetLocationId: OTHER_STORE }] });
    await gw.request('POST', `/v1/returns/${id}/reject`, { body: { reason: 'worn' } });
    expect(lastCall('rejectReturn')?.request).toEqual({ returnId: id, reason: 'worn' });
    await gw.request('POST', `/v1/returns/${id}/cancel`, { body: { reason: 'kept it' } });
    expect(lastCall('cancelReturn')?.request).toEqual({ returnId: id, reason: 'kept it' });
    const refundId = randomUUID();
    await gw.request('POST', `/v1/returns/${id}/refund-confirmation`, { body: { refundId, outcome: 'succeeded', paymentReference: 'psp-1' } });
    expect(lastCall('confirmRefund')?.request).toEqual({ returnId: id, refundId, outcome: 'succeeded', paymentReference: 'psp-1', message: '' });
    const orderId = randomUUID();
    expect((await gw.request('GET', `/v1/orders/${orderId}/returnable`)).body).toMatchObject({ orderId, windowOpen: true });
  });

  it('pages a list by limit and cursor', async () => {
    const page = await gw.request('GET', `/v1/returns?status=received&limit=5&cursor=abc_-1`);
    expect(page.status).toBe(200);
    expect(page.body.nextCursor).toBe('next-page');
    expect(lastCall('listReturns')?.request).toMatchObject({ status: 'received', pageSize: 5, pageToken: 'abc_-1', locationIds: [] });
    expect((await gw.request('GET', '/v1/returns?status=lost')).status).toBe(400);
  });

  it('lets a read-only key read but not act, and keeps the policy for admins', async () => {
    const { id } = rma();
    expect((await gw.request('GET', `/v1/returns/${id}`, { key: readonlyKey })).status).toBe(200);
    expect((await gw.request('POST', `/v1/returns/${id}/cancel`, { key: readonlyKey, body: { reason: 'x' } })).status).toBe(403);
    expect((await gw.request('GET', '/v1/return-policy', { key: readonlyKey })).status).toBe(200);
    const policy = { returnWindowDays: 14, reasons: [{ code: 'changed_mind', label: 'Changed my mind', merchantFault: false }] };
    expect((await gw.request('PUT', '/v1/return-policy', { key: readonlyKey, body: policy })).status).toBe(403);
    const set = await gw.request('PUT', '/v1/return-policy', { body: policy });
    expect(set.status).toBe(200);
    expect(lastCall('setReturnPolicy')?.request.policy).toMatchObject({ returnWindowDays: 14, shippingRefund: 'merchant_fault', restockingFeeBps: 0 });
  });

  it("shows a partner only returns at its own locations and lets it act only there", async () => {
    const own = rma({ locationId: STORE });
    const foreign = rma({ locationId: OTHER_STORE });
    expect((await gw.request('GET', `/v1/returns/${own.id}`, { key: partnerKey })).status).toBe(200);
    const hidden = await gw.request('GET', `/v1/returns/${foreign.id}`, { key: partnerKey });
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('RETURN_NOT_FOUND');
    await gw.request('GET', '/v1/returns', { key: partnerKey });
    expect(lastCall('listReturns')).toMatchObject({ partnerId: 'franchise-r', request: { locationId: '', locationIds: [STORE] } });
    expect((await gw.request('GET', `/v1/returns?locationId=${OTHER_STORE}`, { key: partnerKey })).body).toEqual({ items: [], nextCursor: null });
    const elsewhere = await gw.request('POST', `/v1/returns/${own.id}/receive`, {
      key: partnerKey,
      body: { receiptId: 'scan-9', locationId: OTHER_STORE, lines: [{ lineId: 'L1', quantity: 1 }] },
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('LOCATION_FORBIDDEN');
    expect((await gw.request('POST', '/v1/returns', { key: partnerKey, body: createBody({ locationId: OTHER_STORE }) })).status).toBe(403);
    expect((await gw.request('POST', '/v1/returns', { key: partnerKey, body: createBody() })).status).toBe(201);
  });
});
