import { z } from 'zod';

/**
 * Money as integer minor units (cents) plus an ISO 4217 currency code. Never a float: 0.1 + 0.2
 * must not decide what a customer pays.
 */
export const moneySchema = z.object({
  amount: z.number().int().min(0),
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be a 3-letter ISO 4217 code' }),
});

export type Money = z.output<typeof moneySchema>;
