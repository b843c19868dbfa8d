import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CategoryList } from '#libs/contracts';

/** Categories: few, stable, and referred to by slug. */
@Injectable()
export class CategoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Categories are never deleted, so an answer stays true for the rest of the transaction. */
  async exists(transaction: EntityManager, categoryId: string): Promise<boolean> {
    const rows: unknown[] = await transaction.query('SELECT 1 FROM categories WHERE id = $1', [
      categoryId,
    ]);
    return rows.length === 1;
  }

  async listWithProductCounts(): Promise<CategoryList['items']> {
    return this.dataSource.query(
      `SELECT c.id, c.name, count(p.id)::int AS "productCount"
         FROM categories c LEFT JOIN products p ON p.category_id = c.id
        GROUP BY c.id ORDER BY c.name`,
    );
  }

  /** Adds the categories that do not exist yet; existing ones keep their names. */
  async insertMissing(
    transaction: EntityManager,
    categories: readonly { id: string; name: string }[],
  ): Promise<void> {
    await transaction.query(
      `INSERT INTO categories (id, name)
       SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT DO NOTHING`,
      [categories.map((category) => category.id), categories.map((category) => category.name)],
    );
  }
}
