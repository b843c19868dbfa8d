import { type ArgumentMetadata, HttpStatus, Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { type FieldError, ProblemException } from '#libs/problem-details';

/**
 * Validates one request part (body, query or a path parameter) against a zod schema and returns
 * the parsed, typed value. A failure is a 400 problem document naming every offending field, e.g.
 * `query.pageSize`, so the caller knows exactly what to fix, and nothing downstream runs.
 */
@Injectable()
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.output<Schema> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;

    const where = metadata.type === 'custom' ? 'value' : metadata.type;
    const root = metadata.data ? [where, metadata.data] : [where];
    const errors: FieldError[] = result.error.issues.map((issue) => ({
      field: [...root, ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    throw new ProblemException({
      status: HttpStatus.BAD_REQUEST,
      title: 'Bad Request',
      detail: `Invalid request: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      code: 'REQUEST.INVALID',
      errors,
    });
  }
}
