import type { RouteClassification } from '#libs/rate-limiting';

/**
 * The promotion service's route classes, by how much it matters that a call gets through:
 * - `quote`: pricing reads (POST /quotes, GET /promotions), the bulk of the traffic;
 * - `coupon`: redeeming a coupon, a step of an order's saga, with a quota of its own that quote
 *   traffic cannot consume (its reserved share);
 * - `compensation`: releasing a redemption, which undoes a saga step: never refused;
 * - `admin`: the gateway's admin writes and reads, and the admin endpoints, which are exempt so an
 *   operator can always change quotas or faults in the middle of an incident.
 */
export type PromotionRouteClass = 'quote' | 'coupon' | 'compensation' | 'admin';

const CLASSES: Record<string, PromotionRouteClass> = {
  'POST /quotes': 'quote',
  'GET /promotions': 'quote',
  'GET /promotions/:id': 'quote',
  'POST /coupons/:code/redemptions': 'coupon',
  'POST /coupons/:code/redemptions/:orderId/release': 'compensation',
};

export function classifyPromotionRoute(method: string, route: string): RouteClassification {
  if (route.startsWith('/admin/')) return { routeClass: 'admin', exempt: true };
  const routeClass = CLASSES[`${method} ${route}`] ?? 'admin';
  return { routeClass, exempt: routeClass === 'compensation' };
}
