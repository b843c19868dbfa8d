import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module.js';
import { AdminFaultsController } from './admin-faults.controller.js';

/** The admin's door to the services' runtime faults (docs/fault-injection.md). */
@Module({ imports: [AuthModule], controllers: [AdminFaultsController] })
export class AdminFaultsModule {}
