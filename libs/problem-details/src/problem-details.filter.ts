import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { DomainError, type DomainErrorKind } from '#libs/domain-errors';
import { PROBLEM_JSON, type ProblemDetails } from './problem-details.js';
import { ProblemException } from './problem.exception.js';

/** Errors raised by body-parser before Nest sees the request carry their status this way. */
interface StatusCarryingError {
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  message?: string;
}

/**
 * Renders every error as `application/problem+json`. Unknown errors become a 500 whose detail
 * hides internals; the error itself is logged with the request id.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<IncomingMessage & { originalUrl?: string }>();
    const response = http.getResponse<ServerResponse>();
    const problem = { ...toProblem(exception), instance: request.originalUrl ?? request.url };

    if (problem.status >= 500) this.logger.error(exception);
    if (response.headersSent) return;
    response.statusCode = problem.status;
    response.setHeader('content-type', PROBLEM_JSON);
    response.end(JSON.stringify(problem));
  }
}

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  'rule-violated': HttpStatus.UNPROCESSABLE_ENTITY,
};

function toProblem(exception: unknown): ProblemDetails {
  if (exception instanceof DomainError) {
    const status = STATUS_OF_KIND[exception.kind];
    return {
      type: typeFor(exception.code),
      title: STATUS_CODES[status] ?? 'Error',
      status,
      detail: exception.message,
      code: exception.code,
    };
  }
  if (exception instanceof ProblemException) {
    return { type: typeFor(exception.problem.code), ...exception.problem };
  }
  if (exception instanceof HttpException) {
    return generic(exception.getStatus(), messageOf(exception.getResponse(), exception.message));
  }
  const carried = exception as StatusCarryingError | null;
  const status = Number(carried?.status ?? carried?.statusCode);
  if (Number.isInteger(status) && status >= 400 && status < 500 && carried?.expose !== false) {
    return generic(status, carried?.message ?? STATUS_CODES[status] ?? 'Bad request');
  }
  return generic(HttpStatus.INTERNAL_SERVER_ERROR, 'An unexpected error occurred.');
}

function generic(status: number, detail: string): ProblemDetails {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail };
}

function typeFor(code: string | undefined): string {
  return code ? `urn:microshop:problem:${code.toLowerCase()}` : 'about:blank';
}

function messageOf(response: string | object, fallback: string): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : fallback;
}
