import type { ArgumentsHost } from '@nestjs/common';
import { NotFoundException } from '@nestjs/common';
import { DomainError } from '#libs/domain-errors';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { ProblemException } from './problem.exception.js';

function render(exception: unknown) {
  const response = {
    statusCode: 200,
    headers: {} as Record<string, string>,
    body: '',
    headersSent: false,
    setHeader(name: string, value: string) {
      this.headers[name] = value;
    },
    end(body: string) {
      this.body = body;
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ url: '/orders/1', originalUrl: '/orders/1' }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return {
    status: response.statusCode,
    type: response.headers['content-type'],
    body: JSON.parse(response.body),
  };
}

describe('ProblemDetailsFilter', () => {
  it('renders a domain conflict as 409 with its stable code', () => {
    const { status, type, body } = render(
      new DomainError('ORDER.OUT_OF_STOCK', 'conflict', 'Not enough stock for p-1'),
    );
    expect(status).toBe(409);
    expect(type).toBe('application/problem+json');
    expect(body).toEqual({
      type: 'urn:microshop:problem:order.out_of_stock',
      title: 'Conflict',
      status: 409,
      detail: 'Not enough stock for p-1',
      code: 'ORDER.OUT_OF_STOCK',
      instance: '/orders/1',
    });
  });

  it('renders a violated rule as 422 and a missing thing as 404', () => {
    expect(render(new DomainError('COUPON.EXPIRED', 'rule-violated', 'expired')).status).toBe(422);
    expect(render(new DomainError('ORDER.NOT_FOUND', 'not-found', 'no such order')).status).toBe(
      404,
    );
  });

  it('keeps the field list of a validation problem', () => {
    const { status, body } = render(
      new ProblemException({
        status: 400,
        title: 'Bad Request',
        detail: 'Invalid request',
        errors: [{ field: 'query.pageSize', message: 'must be at most 100' }],
      }),
    );
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ field: 'query.pageSize', message: 'must be at most 100' }]);
  });

  it('renders Nest HTTP exceptions with their status', () => {
    expect(render(new NotFoundException('Cannot GET /nope')).body).toMatchObject({
      status: 404,
      title: 'Not Found',
      detail: 'Cannot GET /nope',
    });
  });

  it('hides the details of an unexpected error behind a 500', () => {
    const { status, body } = render(new Error('connection string postgres://secret'));
    expect(status).toBe(500);
    expect(body.detail).toBe('An unexpected error occurred.');
  });
});
