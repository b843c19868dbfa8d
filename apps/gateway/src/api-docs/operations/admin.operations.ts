import { z } from 'zod';
import {
  changePriceRequestSchema,
  couponCodeSchema,
  couponSchema,
  createCouponRequestSchema,
  createProductRequestSchema,
  createPromotionRequestSchema,
  featureSwitchSchema,
  productDetailSchema,
  promotionSchema,
  restockRequestSchema,
  stockLevelsSchema,
  updateProductRequestSchema,
} from '#libs/contracts';
import { quotaChangeSchema, quotaTableSchema } from '#libs/rate-limiting';
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
const featureSwitch: NamedSchema = { name: 'FeatureSwitch', schema: featureSwitchSchema };

// Each service validates its own fault body (docs/fault-injection.md); the gateway passes it on.
const faultSettings: NamedSchema = {
  name: 'FaultSettings',
  schema: z.record(z.string(), z.unknown()),
};
const faultTarget = {
  service: {
    schema: z.enum(['product', 'promotion', 'recommendation']),
    description: 'The service whose faults to read or change.',
  },
};
const faultSettingsExample = { reserveStock: { mode: 'fail', next: 3 } };

const rateLimitsView: NamedSchema = {
  name: 'PromotionRateLimits',
  schema: z.object({
    mode: z.enum(['enforce', 'shadow', 'off']),
    store: z.enum(['redis', 'memory']),
    replicas: z.number().int(),
    quotas: quotaTableSchema,
  }),
};
const rateLimitsExample = {
  mode: 'enforce',
  store: 'redis',
  replicas: 1,
  quotas: {
    default: { perSecond: 5, burst: 5 },
    callers: {
      order: { quote: { perSecond: 500, burst: 250 }, coupon: { perSecond: 250, burst: 125 } },
      product: { quote: { perSecond: 20, burst: 10 } },
    },
  },
};

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
  {
    method: 'get',
    path: '/api/admin/rate-limits/promotion',
    tag: 'Admin',
    summary: "Read the promotion service's quotas per calling service and route class",
    access: 'admin',
    responses: {
      200: {
        description: 'The quotas in force.',
        schema: rateLimitsView,
        example: rateLimitsExample,
      },
    },
    errors: [401, 403],
  },
  {
    method: 'put',
    path: '/api/admin/rate-limits/promotion',
    tag: 'Admin',
    summary: "Change the promotion service's quotas at runtime, on every replica",
    access: 'admin',
    body: {
      schema: { name: 'PromotionQuotaChange', schema: quotaChangeSchema },
      example: { callers: { product: { quote: { perSecond: 10, burst: 5 } } } },
    },
    responses: {
      200: {
        description: 'The quotas now in force.',
        schema: rateLimitsView,
        example: rateLimitsExample,
      },
    },
    errors: adminErrors,
  },
  {
    method: 'get',
    path: '/api/admin/faults/{service}',
    tag: 'Admin',
    summary: "Read a service's runtime faults",
    description: 'Answers 404 while the service runs with `FAULT_INJECTION=off`.',
    access: 'admin',
    pathParameters: faultTarget,
    responses: {
      200: {
        description: 'The faults in effect.',
        schema: faultSettings,
        example: faultSettingsExample,
      },
    },
    errors: [401, 403, 404],
  },
  {
    method: 'put',
    path: '/api/admin/faults/{service}',
    tag: 'Admin',
    summary: "Switch a service's faults on (merged in; `null` clears one)",
    description:
      'product: `reserveStock`; promotion: `redeemCoupon` (each `{ mode: fail | no-reply, next?, ' +
      'percent? }`); recommendation: `latencyMs`, `errorRate`, `hang`, `slowBodyMs`. ' +
      'See docs/fault-injection.md.',
    access: 'admin',
    pathParameters: faultTarget,
    body: {
      schema: { name: 'FaultSettingsChange', schema: faultSettings.schema },
      example: faultSettingsExample,
    },
    responses: {
      200: {
        description: 'The faults now in effect.',
        schema: faultSettings,
        example: faultSettingsExample,
      },
    },
    errors: [...adminErrors, 404],
  },
  {
    method: 'delete',
    path: '/api/admin/faults/{service}',
    tag: 'Admin',
    summary: 'Clear every fault of a service',
    access: 'admin',
    pathParameters: faultTarget,
    responses: {
      200: { description: 'No fault is in effect any more.', schema: faultSettings, example: {} },
    },
    errors: [401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/admin/features/recommendations',
    tag: 'Admin',
    summary: 'Whether recommendations are on, in this gateway instance',
    access: 'admin',
    responses: {
      200: { description: 'The kill switch.', schema: featureSwitch, example: { enabled: true } },
    },
    errors: [401, 403],
  },
  {
    method: 'put',
    path: '/api/admin/features/recommendations',
    tag: 'Admin',
    summary: 'Switch recommendations off or on at runtime (the kill switch)',
    description:
      'Off: no call to the recommendation service, pages show none (`reason: disabled`). Applies ' +
      'to the gateway instance that receives it; see docs/resilience.md.',
    access: 'admin',
    body: { schema: featureSwitch, example: { enabled: false } },
    responses: {
      200: { description: 'The switch now.', schema: featureSwitch, example: { enabled: false } },
    },
    errors: adminErrors,
  },
  {
    method: 'post',
    path: '/api/admin/orders/{id}/saga/retry',
    tag: 'Admin',
    summary: 'Retry a parked saga',
    description:
      'Resumes the compensation of an order parked in COMPENSATION_FAILED (its participant did not ' +
      'answer after every attempt), with a fresh set of attempts. See docs/saga.md.',
    access: 'admin',
    pathParameters: { id: { schema: z.uuid(), description: 'The order id.' } },
    responses: {
      202: {
        description: 'Compensating again; follow it with `GET /api/orders/{id}/saga`.',
        schema: {
          name: 'SagaRetry',
          schema: z.object({ id: z.uuid(), status: z.literal('COMPENSATING') }),
        },
        example: { id: EXAMPLE.orderId, status: 'COMPENSATING' },
      },
    },
    errors: [...adminErrors, 404, 409],
  },
];
