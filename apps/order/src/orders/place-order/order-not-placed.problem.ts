import { HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { ProblemException } from '#libs/problem-details';
import type { PlacementFailureKind } from '../domain/placement-failure.js';
import type { OrderNotPlaced } from './order-not-placed.error.js';

const STATUS_OF: Record<PlacementFailureKind, number> = {
  conflict: HttpStatus.CONFLICT,
  'rule-violated': HttpStatus.UNPROCESSABLE_ENTITY,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** The problem document for a placement refused at the quote: 409, 422 or 503 with the order code. */
export function orderNotPlacedProblem({ failure }: OrderNotPlaced): ProblemException {
  const status = STATUS_OF[failure.kind];
  return new ProblemException({
    status,
    title: STATUS_CODES[status] ?? 'Error',
    detail: failure.detail,
    code: failure.code,
  });
}
