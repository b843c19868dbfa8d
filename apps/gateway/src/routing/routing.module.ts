import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AdminRoutesController } from './admin-routes.controller.js';
import { CatalogRoutesController } from './catalog-routes.controller.js';

/** The routes passed through to a service as they are. */
@Module({ imports: [AuthModule], controllers: [CatalogRoutesController, AdminRoutesController] })
export class RoutingModule {}
