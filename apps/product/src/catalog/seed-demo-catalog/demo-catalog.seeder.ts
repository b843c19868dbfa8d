import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ProductCreated } from '#libs/contracts';
import { DEMO_CATEGORIES, demoCatalog, type DemoProduct } from '#libs/demo-data';
import { OutboxWriter } from '#libs/messaging';
import { ADVISORY_LOCK } from '../../database/advisory-locks.js';
import { InventoryRepository } from '../../inventory/inventory.repository.js';
import { catalogEntry } from '../catalog-entry.js';
import { CategoryRepository } from '../category.repository.js';
import { ProductRepository } from '../product.repository.js';

/**
 * Loads the demo catalog (`#libs/demo-data`) on start-up, before the app takes traffic: the
 * categories, every demo product that does not exist yet with its stock, and a `ProductCreated`
 * event for each product added, so promotion and recommendation fill their read models from
 * events like for any other product. One transaction, so a crash half-way seeds nothing; once
 * everything exists it does nothing, so restarts and replicas are harmless.
 */
@Injectable()
export class DemoCatalogSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoCatalogSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly categories: CategoryRepository,
    private readonly products: ProductRepository,
    private readonly inventory: InventoryRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const added = await this.dataSource.transaction(async (transaction) => {
      // Replicas starting together wait here, then find the work done.
      await transaction.query('SELECT pg_advisory_xact_lock($1, 0)', [
        ADVISORY_LOCK.seedDemoCatalog,
      ]);
      await this.categories.insertMissing(transaction, DEMO_CATEGORIES);
      const catalog = demoCatalog();
      const missing = await this.products.missingIds(
        transaction,
        catalog.map((product) => product.id),
      );
      let count = 0;
      for (const product of catalog.filter(({ id }) => missing.has(id))) {
        if (await this.add(transaction, product)) count++;
      }
      return count;
    });
    if (added > 0) this.logger.log(`seeded ${added} demo products`);
  }

  /** Adds one demo product unless it (or its SKU) exists; an admin's later edits are kept. */
  private async add(transaction: EntityManager, { stock, ...product }: DemoProduct) {
    if (!(await this.products.insertUnlessTaken(transaction, product))) return false;
    await this.inventory.createStock(transaction, product.id, stock);
    const detail = (await this.products.findDetail(product.id, transaction))!;
    await this.outbox.append(transaction, ProductCreated, product.id, catalogEntry(detail));
    return true;
  }
}
