import type { ServiceName } from '#libs/contracts';
import type { GatewayConfig } from '../gateway.config.js';

/** The services behind the gateway. */
export type DownstreamService = Exclude<ServiceName, 'gateway'>;

export const DOWNSTREAM_SERVICES: readonly DownstreamService[] = [
  'product',
  'order',
  'promotion',
  'recommendation',
];

/** Where each service listens, from the gateway's config. */
export function downstreamUrl(config: GatewayConfig, service: DownstreamService): string {
  const urls: Record<DownstreamService, string> = {
    product: config.PRODUCT_URL,
    order: config.ORDER_URL,
    promotion: config.PROMOTION_URL,
    recommendation: config.RECOMMENDATION_URL,
  };
  return urls[service];
}
