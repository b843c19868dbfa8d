import { z } from 'zod';
import { faultSettingsOperations, type NamedSchema, type ServiceOperation } from '#libs/api-docs';
import {
  categoryListSchema,
  changePriceRequestSchema,
  createProductRequestSchema,
  productDetailSchema,
  productListQuerySchema,
  productPageSchema,
  reserveStockRequestSchema,
  restockRequestSchema,
  stockLevelsSchema,
  stockReservationSchema,
  updateProductRequestSchema,
} from '#libs/contracts';
import { productFaultsSchema } from '../faults/product-faults.schema.js';

const byId = { id: { schema: z.uuid(), description: 'The product id.' } };
const byOrder = { orderId: { schema: z.uuid(), description: 'The order the stock is for.' } };
const named = (name: string, schema: z.ZodType): NamedSchema => ({ name, schema });
const detail = named('ProductDetail', productDetailSchema);
const levels = named('StockLevels', stockLevelsSchema);
const reservation = named('StockReservation', stockReservationSchema);

/**
 * Every route of the product service: catalog, its admin commands, stock, reservations, and the
 * fault switches.
 */
export const PRODUCT_API: ServiceOperation[] = [
  {
    method: 'get',
    path: '/products',
    tag: 'Catalog',
    summary: 'One page of the catalog',
    access: 'service',
    query: productListQuerySchema,
    responses: {
      200: { description: 'Products.', schema: named('ProductPage', productPageSchema) },
    },
    errors: [400],
  },
  {
    method: 'get',
    path: '/products/{id}',
    tag: 'Catalog',
    summary: 'One product',
    access: 'service',
    pathParameters: byId,
    responses: { 200: { description: 'The product.', schema: detail } },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/categories',
    tag: 'Catalog',
    summary: 'Every category with its number of products',
    access: 'service',
    responses: {
      200: { description: 'Categories.', schema: named('CategoryList', categoryListSchema) },
    },
    errors: [],
  },
  {
    method: 'post',
    path: '/products',
    tag: 'Catalog admin',
    summary: 'Create a product (publishes ProductCreated)',
    access: 'service',
    body: { schema: named('CreateProductRequest', createProductRequestSchema) },
    responses: { 201: { description: 'Created.', schema: detail } },
    errors: [400, 409, 422],
  },
  {
    method: 'patch',
    path: '/products/{id}',
    tag: 'Catalog admin',
    summary: "Change a product's descriptive fields (publishes ProductUpdated)",
    access: 'service',
    pathParameters: byId,
    body: { schema: named('UpdateProductRequest', updateProductRequestSchema) },
    responses: { 200: { description: 'Updated.', schema: detail } },
    errors: [400, 404, 422],
  },
  {
    method: 'put',
    path: '/products/{id}/price',
    tag: 'Catalog admin',
    summary: "Change a product's price (publishes ProductPriceChanged)",
    access: 'service',
    pathParameters: byId,
    body: { schema: named('ChangePriceRequest', changePriceRequestSchema) },
    responses: { 200: { description: 'Repriced.', schema: detail } },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/products/{id}/restock',
    tag: 'Inventory',
    summary: 'Record units that arrived',
    access: 'service',
    pathParameters: byId,
    body: { schema: named('RestockRequest', restockRequestSchema) },
    responses: { 200: { description: 'Stock levels now.', schema: levels } },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/inventory/{productId}',
    tag: 'Inventory',
    summary: "A product's stock levels",
    access: 'service',
    pathParameters: { productId: byId.id },
    responses: { 200: { description: 'Stock levels.', schema: levels } },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/stock-reservations',
    tag: 'Stock reservations',
    summary: 'Reserve every line of an order, or nothing (idempotent per order)',
    access: 'service',
    body: { schema: named('ReserveStockRequest', reserveStockRequestSchema) },
    responses: {
      201: { description: 'Reserved, or failed with a reason.', schema: reservation },
      200: { description: 'The order already had this reservation.', schema: reservation },
    },
    errors: [400, 409],
  },
  {
    method: 'get',
    path: '/stock-reservations/{orderId}',
    tag: 'Stock reservations',
    summary: "Where an order's reservation stands",
    access: 'service',
    pathParameters: byOrder,
    responses: { 200: { description: 'The reservation.', schema: reservation } },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/stock-reservations/{orderId}/commit',
    tag: 'Stock reservations',
    summary: 'Turn the reserved units into sales',
    access: 'service',
    pathParameters: byOrder,
    responses: { 200: { description: 'Committed.', schema: reservation } },
    errors: [400, 404, 409],
  },
  {
    method: 'post',
    path: '/stock-reservations/{orderId}/release',
    tag: 'Stock reservations',
    summary: 'Give the reserved units back (also before any reserve arrived)',
    access: 'service',
    pathParameters: byOrder,
    responses: { 200: { description: 'Released.', schema: reservation } },
    errors: [400, 409],
  },
  ...faultSettingsOperations(productFaultsSchema),
];
