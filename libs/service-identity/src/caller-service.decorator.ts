import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { VerifiedCaller } from './verified-caller.js';

// A symbol, not a header or a string key: nothing a client sends can end up here.
const VERIFIED_CALLER = Symbol('verifiedCaller');

type RequestWithCaller = IncomingMessage & { [VERIFIED_CALLER]?: VerifiedCaller };

/** Records the caller the guard verified on the request. */
export function rememberCaller(request: IncomingMessage, caller: VerifiedCaller): void {
  (request as RequestWithCaller)[VERIFIED_CALLER] = caller;
}

/**
 * The verified calling service of a request, or undefined on routes the guard does not protect.
 * For code that is not a controller parameter, such as a rate limiter partitioning by caller.
 */
export function verifiedCallerOf(request: IncomingMessage): VerifiedCaller | undefined {
  return (request as RequestWithCaller)[VERIFIED_CALLER];
}

/**
 * The name of the service calling this route, as its token proved it
 * (`@CallerService() caller: ServiceName`).
 */
export const CallerService = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    verifiedCallerOf(context.switchToHttp().getRequest<IncomingMessage>())?.service,
);
