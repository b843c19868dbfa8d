import { HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { ProblemException, type ProblemInit } from '#libs/problem-details';
import type { PlacementFailureKind } from '../domain/placement-failure.js';
import type { OrderNotPlaced } from './order-not-placed.error.js';

const STATUS_OF: Record<PlacementFailureKind, number> = {
  conflict: HttpStatus.CONFLICT,
  'rule-violated': HttpStatus.UNPROCESSABLE_ENTITY,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/**
 * The problem document for a failed placement: 409, 422 or 503 with the order code, and the id
 * of the cancelled order (an RFC 9457 extension member) when there is one, so the client can look
 * it up.
 */
export function orderNotPlacedProblem({ failure, orderId }: OrderNotPlaced): ProblemException {
  const status = STATUS_OF[failure.kind];
  const problem: ProblemInit & { orderId?: string } = {
    status,
    title: STATUS_CODES[status] ?? 'Error',
    detail: failure.detail,
    code: failure.code,
    ...(orderId ? { orderId } : {}),
  };
  return new ProblemException(problem);
}
