import {
  type CanActivate,
  type ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
} from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ProblemException } from '#libs/problem-details';
import { rememberCaller } from './caller-service.decorator.js';
import { ServiceTokenRejected } from './service-token.rejected.js';
import { ServiceTokenVerifier } from './service-token.verifier.js';

/** Probes and scrapes come from the platform, not from another service. */
export const UNSIGNED_PATHS = /^\/(health\/[^/?]*|metrics)(\?|$)/;

const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/;

/**
 * Lets a request through only with a valid service token in `Authorization: Bearer …`, and
 * records who sent it for `@CallerService()`. Health and metrics stay open. A refusal is a 401
 * problem document whose `code` is `AUTH.SERVICE_TOKEN_MISSING` or `AUTH.SERVICE_TOKEN_INVALID`.
 */
@Injectable()
export class ServiceIdentityGuard implements CanActivate {
  constructor(@Inject(ServiceTokenVerifier) private readonly verifier: ServiceTokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<IncomingMessage>();
    if (UNSIGNED_PATHS.test(request.url ?? '')) return true;

    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw refusal(new ServiceTokenRejected('missing'));
    try {
      rememberCaller(request, await this.verifier.verify(token));
      return true;
    } catch (error) {
      if (error instanceof ServiceTokenRejected) throw refusal(error);
      throw error;
    }
  }
}

function refusal(rejection: ServiceTokenRejected): ProblemException {
  return new ProblemException({
    status: HttpStatus.UNAUTHORIZED,
    title: 'Unauthorized',
    detail: `This service accepts calls only from services it trusts: ${rejection.message}.`,
    code:
      rejection.reason === 'missing' ? 'AUTH.SERVICE_TOKEN_MISSING' : 'AUTH.SERVICE_TOKEN_INVALID',
  });
}
