import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RestockRequest, StockLevels } from '#libs/contracts';
import { InventoryErrors } from '../inventory.errors.js';
import { InventoryRepository } from '../inventory.repository.js';

/**
 * Units arrived for a product. No event: nothing outside this service keeps stock levels (the
 * catalog events describe products, the inventory events describe orders).
 */
@Injectable()
export class RestockHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inventory: InventoryRepository,
  ) {}

  execute(productId: string, { quantity }: RestockRequest): Promise<StockLevels> {
    return this.dataSource.transaction(async (transaction) => {
      const levels = await this.inventory.restock(transaction, productId, quantity);
      if (!levels) throw InventoryErrors.productNotFound(productId);
      return levels;
    });
  }
}
