import type { PartitionedRateLimiterOptions } from './partitioned-rate-limiter.js';
import type { QuotaTable } from './quota-table.js';

/** Which route class a request belongs to, and whether it is ever refused. */
export interface RouteClassification {
  routeClass: string;
  /** Never refused, never counted in the store (compensations): only metered. */
  exempt?: boolean;
}

export interface RateLimitingOptions {
  /** The service being protected: prefixes the store's keys and the problem `code`. */
  service: string;
  /** The shared store; without it counters and runtime changes stay in this process. */
  redisUrl?: string;
  /** `off` takes the limiter out of the path entirely (benchmark baselines, emergencies). */
  mode: PartitionedRateLimiterOptions['mode'] | 'off';
  replicas: number;
  /** The configured quotas; runtime changes go on top (see QuotaBook). */
  quotas: QuotaTable;
  /** How often each replica re-reads runtime quota changes from the store. */
  refreshMs: number;
  /** The class of a request from its method and route template (`POST /quotes`). */
  classify(method: string, route: string): RouteClassification;
}

export const RATE_LIMITING_OPTIONS = Symbol('RATE_LIMITING_OPTIONS');
