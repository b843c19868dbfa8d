import { HttpException } from '@nestjs/common';
import type { FieldError } from './problem-details.js';

export interface ProblemInit {
  status: number;
  title: string;
  detail: string;
  code?: string;
  errors?: FieldError[];
}

/**
 * An HTTP error that carries its problem document. Transport edges throw it (or map named domain
 * errors to it); the {@link ProblemDetailsFilter} renders it.
 */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemInit) {
    super(problem.detail, problem.status);
  }
}
