import { z } from 'zod';

/**
 * A UUID path parameter, lower-cased as PostgreSQL prints it. Ids go on as event keys and are
 * compared as text downstream, so `ABC…` and `abc…` must not become two partitions or two orders.
 */
export const canonicalUuid = z.uuid().transform((id) => id.toLowerCase());
