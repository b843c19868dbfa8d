import { z } from 'zod';
import {
  changePriceRequestSchema,
  couponCodeSchema,
  couponSchema,
  createCouponRequestSchema,
  createProductRequestSchema,
  createPromotionRequestSchema,
  productDetailSchema,
  promotionSchema,
  restockRequestSchema,
  stockLevelsSchema,
  updateProductRequestSchema,
} from '#libs/contracts';
import type { NamedSchema, PublicOperation } from '../public-operation.js';
import {
  couponExample,
  EXAMPLE,
  money,
  productDetailExample,
  promotionExample,
} from './examples.js';

const productIdParameter = { id: { schema: z.uuid(), description: 'The product id.' } };
const productDetail: NamedSchema = { name: 'ProductDetail', schema: productDetailSchema };
const adminErrors = [400, 401, 403];

/** Catalog and coupon writes, for admin tokens only. */
export const adminOperations: PublicOperation[] = [
  {
    method: 'post',
    path: '/api/admin/products',
    tag: 'Admin',
    summary: 'Create a product',
    access: 'admin',
    body: {
      schema: { name: 'CreateProductRequest', schema: createProductRequestSchema },
      example: {
        sku: 'HOME-0007',
        name: 'Stoneware teapot, 1 l',
        description: 'Glazed stoneware teapot with a stainless steel infuser.',
        categoryId: 'home-kitchen',
        price: money(3_490),
        initialStock: 50,
      },
    },
    responses: {
      201: { description: 'Created.', schema: productDetail, example: productDetailExample },
    },
    errors: [...adminErrors, 409, 422],
  },
  {
    method: 'patch',
    path: '/api/admin/products/{id}',
    tag: 'Admin',
    summary: "Change a product's description fields",
    access: 'admin',
    pathParameters: productIdParameter,
    body: {
      schema: { name: 'UpdateProductRequest', schema: updateProductRequestSchema },
      example: { name: 'Stoneware teapot, 1.2 l' },
    },
    responses: {
      200: { description: 'Updated.', schema: productDetail, example: productDetailExample },
    },
    errors: [...adminErrors, 404, 422],
  },
  {
    method: 'put',
    path: '/api/admin/products/{id}/price',
    tag: 'Admin',
    summary: "Change a product's price",
    access: 'admin',
    pathParameters: productIdParameter,
    body: {
      schema: { name: 'ChangePriceRequest', schema: changePriceRequestSchema },
      example: { price: money(2_990) },
    },
    responses: {
      200: { description: 'Repriced.', schema: productDetail, example: productDetailExample },
    },
    errors: [...adminErrors, 404],
  },
  {
    method: 'post',
    path: '/api/admin/products/{id}/restock',
    tag: 'Admin',
    summary: 'Record units that arrived',
    access: 'admin',
    pathParameters: productIdParameter,
    body: {
      schema: { name: 'RestockRequest', schema: restockRequestSchema },
      example: { quantity: 24 },
    },
    responses: {
      200: {
        description: "The product's stock levels now.",
        schema: { name: 'StockLevels', schema: stockLevelsSchema },
        example: {
          productId: EXAMPLE.productId,
          onHand: 66,
          reserved: 2,
          available: 64,
          sold: 8,
          received: 74,
        },
      },
    },
    errors: [...adminErrors, 404],
  },
  {
    method: 'post',
    path: '/api/admin/promotions',
    tag: 'Admin',
    summary: 'Create a promotion',
    access: 'admin',
    body: {
      schema: { name: 'CreatePromotionRequest', schema: createPromotionRequestSchema },
      example: {
        description: '10% off teapots',
        scope: 'PRODUCT',
        targetId: EXAMPLE.productId,
        percentOff: 10,
      },
    },
    responses: {
      201: {
        description: 'Created.',
        schema: { name: 'Promotion', schema: promotionSchema },
        example: promotionExample,
      },
    },
    errors: adminErrors,
  },
  {
    method: 'post',
    path: '/api/admin/coupons',
    tag: 'Admin',
    summary: 'Create a coupon',
    access: 'admin',
    body: {
      schema: { name: 'CreateCouponRequest', schema: createCouponRequestSchema },
      example: {
        code: 'SPRING10',
        percentOff: 10,
        maxRedemptions: 500,
        perCustomerLimit: 1,
        validUntil: '2026-06-01T00:00:00.000Z',
      },
    },
    responses: {
      201: {
        description: 'Created.',
        schema: { name: 'Coupon', schema: couponSchema },
        example: { ...couponExample, redemptions: 0 },
      },
    },
    errors: [...adminErrors, 409],
  },
  {
    method: 'get',
    path: '/api/admin/coupons/{code}',
    tag: 'Admin',
    summary: 'Read a coupon and how often it was redeemed',
    access: 'admin',
    pathParameters: { code: { schema: couponCodeSchema, description: 'The coupon code.' } },
    responses: {
      200: {
        description: 'The coupon.',
        schema: { name: 'Coupon', schema: couponSchema },
        example: couponExample,
      },
    },
    errors: [...adminErrors, 404],
  },
];
