import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module.js';
import { AdminRateLimitsController } from './admin-rate-limits.controller.js';

/** The admin's door to the promotion service's per-caller quotas (docs/rate-limiting.md). */
@Module({ imports: [AuthModule], controllers: [AdminRateLimitsController] })
export class AdminRateLimitsModule {}
