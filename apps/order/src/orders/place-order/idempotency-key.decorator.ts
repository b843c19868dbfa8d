import { createParamDecorator, type ExecutionContext, HttpStatus } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { idempotencyKeySchema } from '#libs/contracts';
import { ProblemException } from '#libs/problem-details';

const HEADER = 'idempotency-key';

/**
 * The request's `Idempotency-Key` header, required and validated. A failure is the same 400
 * problem document as `ZodValidationPipe` produces, naming the field `header.idempotency-key`
 * (a pipe on a custom parameter could only call it `value`).
 */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const value = context.switchToHttp().getRequest<IncomingMessage>().headers[HEADER];
  const result = idempotencyKeySchema.safeParse(value);
  if (result.success) return result.data;

  const message =
    value === undefined
      ? 'is required: name this placement attempt'
      : result.error.issues[0]!.message;
  throw new ProblemException({
    status: HttpStatus.BAD_REQUEST,
    title: 'Bad Request',
    detail: `Invalid request: header.${HEADER}: ${message}`,
    code: 'REQUEST.INVALID',
    errors: [{ field: `header.${HEADER}`, message }],
  });
});
