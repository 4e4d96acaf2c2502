import { currencyExponent, toMinorUnits } from '../minor-units';
import type { AdapterResult, ChannelAdapter, RowViolation } from '../channel-adapter';
import type { ShopifyAddress, ShopifyLineItem, ShopifyOrder } from './shopify-order';

const GID = /^gid:\/\/shopify\/Order\/(\d+)$/;

/**
 * Shopify's order webhook JSON → one Baton order (ship to address). The channel order id is the
 * Shopify order id — read from `admin_graphql_api_id` when present, because the numeric `id` can
 * exceed JavaScript's exact integer range — so a re-delivered webhook is the same Baton order.
 * Prices are decimal strings in the order currency, converted to minor units exactly.
 */
export class ShopifyOrderAdapter implements ChannelAdapter<unknown> {
  readonly format = 'shopify';

  toOrders(input: unknown, channel: string): AdapterResult {
    const errors: RowViolation[] = [];
    const order = (input !== null && typeof input === 'object' && !Array.isArray(input) ? input : {}) as ShopifyOrder;
    const channelOrderId = orderId(order);
    if (!channelOrderId) errors.push({ field: 'id', message: 'id (the Shopify order id) is required' });
    const currency = typeof order.currency === 'string' ? order.currency : '';
    const exponent = currencyExponent(currency);
    if (exponent === undefined) errors.push({ field: 'currency', message: 'currency must be an ISO 4217 code such as USD' });
    const email = [order.email, order.contact_email, order.customer?.email].find((e) => typeof e === 'string' && e !== '');
    if (!email) errors.push({ field: 'email', message: 'email (the customer email) is required' });
    const shipTo = address(order.shipping_address, errors);
    const lines = lineItems(order.line_items, exponent ?? 0, errors);
    if (errors.length > 0) return { orders: [], rejected: [{ channelOrderId: channelOrderId ?? '', rows: [], errors }] };
    return {
      orders: [
        {
          channelOrderId: channelOrderId as string,
          rows: [],
          order: {
            channel,
            channelOrderId,
            customerEmail: email,
            currency,
            deliveryMethod: 'ship_to_address',
            shipTo,
            lines,
          },
        },
      ],
      rejected: [],
    };
  }
}

function orderId(order: ShopifyOrder): string | undefined {
  const gid = typeof order.admin_graphql_api_id === 'string' ? GID.exec(order.admin_graphql_api_id) : null;
  if (gid) return gid[1];
  return Number.isSafeInteger(order.id) && (order.id as number) > 0 ? String(order.id) : undefined;
}

function address(source: ShopifyAddress | null | undefined, errors: RowViolation[]): Record<string, unknown> | undefined {
  if (!source || typeof source !== 'object') {
    errors.push({ field: 'shipping_address', message: 'shipping_address is required (Baton ships this order)' });
    return undefined;
  }
  const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
  const name = text(source.name) || [text(source.first_name), text(source.last_name)].filter(Boolean).join(' ');
  const result: Record<string, unknown> = {
    name,
    line1: text(source.address1),
    line2: text(source.address2),
    city: text(source.city),
    postalCode: text(source.zip),
    country: text(source.country_code),
  };
  for (const [field, key] of [
    ['shipping_address.name', 'name'],
    ['shipping_address.address1', 'line1'],
    ['shipping_address.city', 'city'],
    ['shipping_address.zip', 'postalCode'],
    ['shipping_address.country_code', 'country'],
  ] as const) {
    if (result[key] === '') errors.push({ field, message: `${field} is required` });
  }
  if (typeof source.latitude === 'number' && typeof source.longitude === 'number') {
    result.latitude = source.latitude;
    result.longitude = source.longitude;
  }
  return result;
}

function lineItems(items: ShopifyLineItem[] | undefined, exponent: number, errors: RowViolation[]): Record<string, unknown>[] {
  if (!Array.isArray(items) || items.length === 0) {
    errors.push({ field: 'line_items', message: 'line_items must list at least one item' });
    return [];
  }
  return items.map((item, index) => {
    const at = `line_items.${index}`;
    const sku = typeof item?.sku === 'string' ? item.sku.trim() : '';
    if (sku === '') errors.push({ field: `${at}.sku`, message: `${at}.sku is required (Baton stocks SKUs)` });
    const quantity = item?.quantity;
    if (!Number.isSafeInteger(quantity) || (quantity as number) < 1) {
      errors.push({ field: `${at}.quantity`, message: `${at}.quantity must be a positive integer` });
    }
    const price = typeof item?.price === 'string' ? toMinorUnits(item.price, exponent) : undefined;
    if (price === undefined) {
      errors.push({ field: `${at}.price`, message: `${at}.price must be a decimal amount in the order currency` });
    }
    return { sku, quantity, unitPriceMinor: price };
  });
}
