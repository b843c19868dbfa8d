import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { IdentifyCallerMiddleware } from '../auth/authentication/identify-caller.middleware.js';
import { CorsMiddleware } from './cors.middleware.js';
import { EdgeRateLimitMiddleware } from './rate-limit/edge-rate-limit.middleware.js';
import { SecurityHeadersMiddleware } from './security-headers.middleware.js';

/**
 * What every public request goes through before its route, in this order: security headers and
 * CORS (every path), then, on /api, who is calling and whether they are over their rate limit.
 */
@Module({ imports: [AuthModule], providers: [EdgeRateLimitMiddleware] })
export class EdgeModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SecurityHeadersMiddleware, CorsMiddleware).forRoutes('*path');
    consumer.apply(IdentifyCallerMiddleware, EdgeRateLimitMiddleware).forRoutes('api/*path');
  }
}
