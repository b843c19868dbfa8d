/**
 * The first key of the two-key PostgreSQL advisory locks this service takes, one per purpose, so
 * that locks for different purposes can never collide.
 */
export const ADVISORY_LOCK = {
  /** Held while seeding, so replicas starting together seed once. */
  seedDemoCatalog: 1,
  /** With a hash of the order id as second key: one command per order at a time. */
  stockReservation: 2,
} as const;
