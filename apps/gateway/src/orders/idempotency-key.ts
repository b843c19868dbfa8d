import { HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { idempotencyKeySchema } from '#libs/contracts';
import { ProblemException } from '#libs/problem-details';

/**
 * `POST /api/orders` must carry `Idempotency-Key`: without one, a client retrying after a lost
 * answer would place a second order. The gateway refuses early; the order service dedupes per
 * customer and key.
 */
export function requireIdempotencyKey(request: Request): string {
  const parsed = idempotencyKeySchema.safeParse(request.headers['idempotency-key']);
  if (parsed.success) return parsed.data;
  const message =
    request.headers['idempotency-key'] === undefined
      ? 'is required: one unique key per order attempt, reused when retrying it'
      : (parsed.error.issues[0]?.message ?? 'is not valid');
  throw new ProblemException({
    status: HttpStatus.BAD_REQUEST,
    title: 'Bad Request',
    detail: `Invalid request: header.idempotency-key: ${message}`,
    code: 'REQUEST.INVALID',
    errors: [{ field: 'header.idempotency-key', message }],
  });
}
