import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module.js';
import { CategoryRepository } from './category.repository.js';
import { ChangePriceController } from './change-price/change-price.controller.js';
import { ChangePriceHandler } from './change-price/change-price.handler.js';
import { CreateProductController } from './create-product/create-product.controller.js';
import { CreateProductHandler } from './create-product/create-product.handler.js';
import { GetProductController } from './get-product/get-product.controller.js';
import { GetProductHandler } from './get-product/get-product.handler.js';
import { ListCategoriesController } from './list-categories/list-categories.controller.js';
import { ListProductsController } from './list-products/list-products.controller.js';
import { ListProductsHandler } from './list-products/list-products.handler.js';
import { ProductRepository } from './product.repository.js';
import { DemoCatalogSeeder } from './seed-demo-catalog/demo-catalog.seeder.js';
import { UpdateProductController } from './update-product/update-product.controller.js';
import { UpdateProductHandler } from './update-product/update-product.handler.js';

/** Products and categories: browsing, search, admin changes, and the demo catalog seed. */
@Module({
  imports: [InventoryModule],
  controllers: [
    ListProductsController,
    GetProductController,
    ListCategoriesController,
    CreateProductController,
    UpdateProductController,
    ChangePriceController,
  ],
  providers: [
    ProductRepository,
    CategoryRepository,
    ListProductsHandler,
    GetProductHandler,
    CreateProductHandler,
    UpdateProductHandler,
    ChangePriceHandler,
    DemoCatalogSeeder,
  ],
})
export class CatalogModule {}
