import { z } from 'zod';
import { ProblemException } from '#libs/problem-details';
import { ZodValidationPipe } from './zod-validation.pipe.js';

const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

describe('ZodValidationPipe', () => {
  const pipe = new ZodValidationPipe(pageQuery);

  it('returns the parsed value with defaults applied', () => {
    expect(pipe.transform({ page: '2' }, { type: 'query' })).toEqual({ page: 2, pageSize: 20 });
  });

  it('refuses a value out of range with a 400 naming the field', () => {
    try {
      pipe.transform({ pageSize: '500' }, { type: 'query' });
      throw new Error('expected a ProblemException');
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemException);
      const { problem } = error as ProblemException;
      expect(problem.status).toBe(400);
      expect(problem.errors).toEqual([
        { field: 'query.pageSize', message: expect.stringContaining('100') },
      ]);
    }
  });

  it('names a path parameter by its name', () => {
    const idPipe = new ZodValidationPipe(z.uuid());
    expect(() => idPipe.transform('42', { type: 'param', data: 'id' })).toThrow(
      expect.objectContaining({
        problem: expect.objectContaining({
          errors: [expect.objectContaining({ field: 'param.id' })],
        }),
      }),
    );
  });
});
