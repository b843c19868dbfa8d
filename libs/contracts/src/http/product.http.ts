import { z } from 'zod';
import { moneySchema } from '../money.js';

// The product service's REST payloads: the catalog (public through the gateway), its admin
// commands, stock levels, and stock reservations for orders. Paths are the service's own; the
// gateway maps `/api/products/...` to `/products/...`.

/** Upper-case letters and digits in dash-separated groups, e.g. `ELEC-0001`. */
export const skuSchema = z
  .string()
  .max(32)
  .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, {
    message: 'must be upper-case letters and digits in dash-separated groups, e.g. ELEC-0001',
  });

/** A category's stable slug, e.g. `home-kitchen`. */
export const categoryIdSchema = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be a lower-case slug, e.g. home-kitchen' });

const MAX_ATTRIBUTES = 30;

/** Free-form product facts (`color`, `author`, ...): at most 30 short string pairs. */
const productAttributesSchema = z
  .record(z.string().min(1).max(50), z.string().max(200))
  .refine((attributes) => Object.keys(attributes).length <= MAX_ATTRIBUTES, {
    message: `must have at most ${MAX_ATTRIBUTES} entries`,
  });

const imageUrlSchema = z.url({ protocol: /^https?$/ }).max(2_000);
const productNameSchema = z.string().trim().min(1).max(200);
const descriptionSchema = z.string().trim().max(5_000);
/** Units in one stock movement: a positive count that fits comfortably in the stock columns. */
const unitsSchema = z.number().int().positive().max(1_000_000);

/** Orders for `GET /products`; `-` means descending. `relevance` needs `q`. */
export const PRODUCT_SORTS = ['relevance', 'name', '-name', 'price', '-price', 'newest'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** The largest page `GET /products` serves; a larger `pageSize` is a 400, never a silent clamp. */
export const MAX_PRODUCT_PAGE_SIZE = 100;

/** `GET /products?page=&pageSize=&categoryId=&q=&sort=` (query strings, hence the coercion). */
export const productListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PRODUCT_PAGE_SIZE).default(20),
  categoryId: categoryIdSchema.optional(),
  /** Words to find in name, description or SKU; blank means no search. */
  q: z
    .string()
    .trim()
    .max(200)
    .transform((q) => q || undefined)
    .optional(),
  /** Defaults to `relevance` when searching, `name` otherwise. */
  sort: z.enum(PRODUCT_SORTS).optional(),
});
export type ProductListQuery = z.output<typeof productListQuerySchema>;

/** A product as lists show it. */
export const productSummarySchema = z.object({
  id: z.uuid(),
  sku: z.string(),
  name: z.string(),
  categoryId: z.string(),
  price: moneySchema,
  /** Units that can still be ordered: on hand minus reserved, never negative. */
  availableStock: z.number().int().min(0),
  imageUrl: z.string().nullable(),
});
export type ProductSummary = z.output<typeof productSummarySchema>;

/** One page of `GET /products`. */
export const productPageSchema = z.object({
  items: z.array(productSummarySchema),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});
export type ProductPage = z.output<typeof productPageSchema>;

/** `GET /products/:id`, and the answer to every admin command on a product. */
export const productDetailSchema = productSummarySchema.extend({
  description: z.string(),
  categoryName: z.string(),
  attributes: z.record(z.string(), z.string()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ProductDetail = z.output<typeof productDetailSchema>;

/** `GET /categories`: every category with how many products it holds. */
export const categoryListSchema = z.object({
  items: z.array(
    z.object({ id: z.string(), name: z.string(), productCount: z.number().int().min(0) }),
  ),
});
export type CategoryList = z.output<typeof categoryListSchema>;

/** `POST /products` (admin). Unknown fields are refused, so a typo is not silently dropped. */
export const createProductRequestSchema = z.strictObject({
  sku: skuSchema,
  name: productNameSchema,
  description: descriptionSchema,
  categoryId: categoryIdSchema,
  price: moneySchema,
  initialStock: z.number().int().min(0).max(1_000_000),
  attributes: productAttributesSchema.default({}),
  imageUrl: imageUrlSchema.nullable().default(null),
});
export type CreateProductRequest = z.output<typeof createProductRequestSchema>;

/**
 * `PATCH /products/:id` (admin): the descriptive fields to change. `attributes` replaces the whole
 * map; `imageUrl: null` removes the image. Price and stock have their own commands.
 */
export const updateProductRequestSchema = z
  .strictObject({
    name: productNameSchema,
    description: descriptionSchema,
    categoryId: categoryIdSchema,
    attributes: productAttributesSchema,
    imageUrl: imageUrlSchema.nullable(),
  })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, {
    message: 'must change at least one field',
  });
export type UpdateProductRequest = z.output<typeof updateProductRequestSchema>;

/** `PUT /products/:id/price` (admin). */
export const changePriceRequestSchema = z.strictObject({ price: moneySchema });
export type ChangePriceRequest = z.output<typeof changePriceRequestSchema>;

/** `POST /products/:id/restock` (admin): units that arrived. */
export const restockRequestSchema = z.strictObject({ quantity: unitsSchema });
export type RestockRequest = z.output<typeof restockRequestSchema>;

/**
 * `GET /inventory/:productId` and the answer to a restock. `onHand` counts every unit in the
 * warehouse, reserved ones included, so `available = onHand - reserved` and every unit ever
 * received is accounted for: `available + reserved + sold = received` (initial stock + restocks).
 */
export const stockLevelsSchema = z.object({
  productId: z.uuid(),
  onHand: z.number().int().min(0),
  reserved: z.number().int().min(0),
  available: z.number().int().min(0),
  sold: z.number().int().min(0),
  received: z.number().int().min(0),
});
export type StockLevels = z.output<typeof stockLevelsSchema>;

/** One line of a reservation: units of one product. */
export const stockReservationLineSchema = z.object({
  productId: z.uuid(),
  quantity: unitsSchema,
});
export type StockReservationLine = z.output<typeof stockReservationLineSchema>;

/** `POST /stock-reservations`: reserve every line for an order, or nothing. */
export const reserveStockRequestSchema = z.strictObject({
  orderId: z.uuid(),
  lines: z
    .array(stockReservationLineSchema)
    .min(1)
    .max(100)
    .refine((lines) => new Set(lines.map((line) => line.productId)).size === lines.length, {
      message: 'must name each product at most once',
    }),
});
export type ReserveStockRequest = z.output<typeof reserveStockRequestSchema>;

/**
 * Where an order's reservation stands. `RESERVED` holds stock; `COMMITTED` turned it into sales;
 * `RELEASED` gave it back (or, with no lines, refused the order id before any reserve arrived);
 * `FAILED` reserved nothing. Every status but `RESERVED` is final.
 */
export const STOCK_RESERVATION_STATUSES = ['RESERVED', 'COMMITTED', 'RELEASED', 'FAILED'] as const;
export type StockReservationStatus = (typeof STOCK_RESERVATION_STATUSES)[number];

/** Why a reservation failed; the same names as in the `StockReservationFailed` event. */
export const STOCK_RESERVATION_FAILURES = [
  'OUT_OF_STOCK',
  'UNKNOWN_PRODUCT',
  'INJECTED_FAULT',
] as const;

/** `GET /stock-reservations/:orderId`, and the answer to reserve, release and commit. */
export const stockReservationSchema = z.object({
  orderId: z.uuid(),
  status: z.enum(STOCK_RESERVATION_STATUSES),
  /** What the order asked for, sorted by product id; empty for a release that came first. */
  lines: z.array(stockReservationLineSchema),
  /** Only when `FAILED`: why, and which products were short or unknown. */
  failure: z
    .object({ reason: z.enum(STOCK_RESERVATION_FAILURES), productIds: z.array(z.uuid()) })
    .optional(),
});
export type StockReservation = z.output<typeof stockReservationSchema>;
