/**
 * The five apps and their default ports (../shared/API.md). The gateway is the only public entry;
 * the other four each own a PostgreSQL database of the same name.
 */
export const SERVICES = {
  gateway: { port: 3000, ownsDatabase: false },
  product: { port: 3001, ownsDatabase: true },
  order: { port: 3002, ownsDatabase: true },
  promotion: { port: 3003, ownsDatabase: true },
  recommendation: { port: 3004, ownsDatabase: true },
} as const;

export type ServiceName = keyof typeof SERVICES;

export const SERVICE_NAMES = Object.keys(SERVICES) as ServiceName[];
