import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { StockLevels, StockReservationLine } from '#libs/contracts';

const LEVELS = `product_id AS "productId", on_hand AS "onHand", reserved,
  on_hand - reserved AS available, sold, received`;

/** PostgreSQL's answer to `UPDATE ... RETURNING` through TypeORM: the rows and their count. */
type UpdateResult<Row> = [Row[], number];

/**
 * Stock per product. Every method that changes several products' rows first locks them in
 * product-id order: two transactions then always queue for rows in the same order and cannot
 * deadlock. The table's CHECK constraints refuse any change that would make available stock
 * negative, whatever the caller did.
 */
@Injectable()
export class InventoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A new product's stock: the initial units count as received, like any later delivery. */
  async createStock(transaction: EntityManager, productId: string, units: number): Promise<void> {
    await transaction.query(
      'INSERT INTO inventory (product_id, on_hand, received) VALUES ($1, $2, $2)',
      [productId, units],
    );
  }

  /** Adds delivered units; `undefined` when the product does not exist. */
  async restock(
    transaction: EntityManager,
    productId: string,
    units: number,
  ): Promise<StockLevels | undefined> {
    const [rows]: UpdateResult<StockLevels> = await transaction.query(
      `UPDATE inventory SET on_hand = on_hand + $2, received = received + $2
        WHERE product_id = $1 RETURNING ${LEVELS}`,
      [productId, units],
    );
    return rows[0];
  }

  async findLevels(productId: string): Promise<StockLevels | undefined> {
    const rows: StockLevels[] = await this.dataSource.query(
      `SELECT ${LEVELS} FROM inventory WHERE product_id = $1`,
      [productId],
    );
    return rows[0];
  }

  /**
   * Locks the stock of these products until the transaction ends and returns the units available
   * of each one that exists, by lower-case product id.
   */
  async lockAvailable(
    transaction: EntityManager,
    productIds: readonly string[],
  ): Promise<Map<string, number>> {
    const rows: { productId: string; available: number }[] = await transaction.query(
      `SELECT product_id AS "productId", on_hand - reserved AS available FROM inventory
        WHERE product_id = ANY($1::uuid[]) ORDER BY product_id FOR UPDATE`,
      [productIds],
    );
    return new Map(rows.map((row) => [row.productId, row.available]));
  }

  /** Sets the units aside: they stay on hand but are no longer available. */
  async reserve(transaction: EntityManager, lines: readonly StockReservationLine[]): Promise<void> {
    await this.changeLines(transaction, lines, 'reserved = i.reserved + l.quantity');
  }

  /** Makes reserved units available again. */
  async release(transaction: EntityManager, lines: readonly StockReservationLine[]): Promise<void> {
    await this.changeLines(transaction, lines, 'reserved = i.reserved - l.quantity');
  }

  /** Reserved units leave the warehouse as sold. */
  async sell(transaction: EntityManager, lines: readonly StockReservationLine[]): Promise<void> {
    await this.changeLines(
      transaction,
      lines,
      `reserved = i.reserved - l.quantity, on_hand = i.on_hand - l.quantity,
       sold = i.sold + l.quantity`,
    );
  }

  /** Applies `assignments` (a constant of this class, never input) to each line's row. */
  private async changeLines(
    transaction: EntityManager,
    lines: readonly StockReservationLine[],
    assignments: string,
  ): Promise<void> {
    const productIds = lines.map((line) => line.productId);
    await this.lockAvailable(transaction, productIds);
    await transaction.query(
      `UPDATE inventory AS i SET ${assignments}
         FROM unnest($1::uuid[], $2::int[]) AS l (product_id, quantity)
        WHERE i.product_id = l.product_id`,
      [productIds, lines.map((line) => line.quantity)],
    );
  }
}
