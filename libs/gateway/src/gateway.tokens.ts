/** Injection token of the gateway's {@link GatewaySettings}. */
export const GATEWAY_SETTINGS = Symbol('GATEWAY_SETTINGS');
