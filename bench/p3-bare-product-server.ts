import express from 'express';
import pg from 'pg';
import {
  PRODUCT_DETAIL_COLUMNS,
  type ProductDetailRow,
  toProductDetail,
} from '../apps/product/src/catalog/product-columns.js';

/**
 * P3's baseline: `GET /products/:id` as a bare express handler, with no Nest, no guard, pipe,
 * interceptor, metrics, logging or tracing, running the product service's own query (its column
 * list and row mapping are imported, the joins are those of ProductRepository.findDetail) on a
 * pool of the same size. Started as its own process by p3-nest-overhead.ts.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const DETAIL_QUERY = `SELECT ${PRODUCT_DETAIL_COLUMNS}
  FROM products p
  JOIN categories c ON c.id = p.category_id
  JOIN inventory i ON i.product_id = p.id
  WHERE p.id = $1`;

const app = express();
app.get('/products/:id', async (request, response) => {
  try {
    const { rows } = await pool.query<ProductDetailRow>(DETAIL_QUERY, [request.params.id]);
    if (rows[0]) response.json(toProductDetail(rows[0]));
    else response.status(404).json({ status: 404 });
  } catch {
    response.status(500).json({ status: 500 });
  }
});
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
