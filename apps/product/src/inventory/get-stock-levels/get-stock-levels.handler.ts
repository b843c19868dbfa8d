import { Injectable } from '@nestjs/common';
import type { StockLevels } from '#libs/contracts';
import { InventoryErrors } from '../inventory.errors.js';
import { InventoryRepository } from '../inventory.repository.js';

/** A product's stock, with the counters that account for every unit ever received. */
@Injectable()
export class GetStockLevelsHandler {
  constructor(private readonly inventory: InventoryRepository) {}

  async execute(productId: string): Promise<StockLevels> {
    const levels = await this.inventory.findLevels(productId);
    if (!levels) throw InventoryErrors.productNotFound(productId);
    return levels;
  }
}
