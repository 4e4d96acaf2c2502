/**
 * The fields of Shopify's order webhook payload (topic `orders/create`, REST Admin API Order
 * resource) that Baton reads. Shopify sends many more; they are ignored.
 */
export interface ShopifyOrder {
  id?: number;
  admin_graphql_api_id?: string;
  name?: string;
  email?: string | null;
  contact_email?: string | null;
  currency?: string;
  customer?: { email?: string | null } | null;
  line_items?: ShopifyLineItem[];
  shipping_address?: ShopifyAddress | null;
}

export interface ShopifyLineItem {
  sku?: string | null;
  quantity?: number;
  price?: string;
  title?: string;
}

export interface ShopifyAddress {
  name?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  zip?: string | null;
  country_code?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}
