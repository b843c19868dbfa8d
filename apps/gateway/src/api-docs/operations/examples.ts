/** Example values shared by the operations' examples, consistent with one another. */
export const EXAMPLE = {
  productId: '3f0c1a52-7a4e-4f55-9a51-2d1f0b6a9c01',
  otherProductId: '8b2d4e6f-1a3c-4e5f-8a7b-9c0d1e2f3a4b',
  orderId: '6a1f9e2c-3b4d-4c5e-8f6a-7b8c9d0e1f2a',
  promotionId: '0c9b8a7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
  customerId: 'a11ce000-0000-4000-8000-000000000001',
  at: '2026-01-05T10:00:00.000Z',
} as const;

const eur = (amount: number) => ({ amount, currency: 'EUR' });

export const productSummaryExample = {
  id: EXAMPLE.productId,
  sku: 'HOME-0007',
  name: 'Stoneware teapot, 1 l',
  categoryId: 'home-kitchen',
  price: eur(3_490),
  availableStock: 42,
  imageUrl: 'https://images.example/home-0007.jpg',
};

export const productDetailExample = {
  ...productSummaryExample,
  description: 'Glazed stoneware teapot with a stainless steel infuser.',
  categoryName: 'Home & kitchen',
  attributes: { colour: 'slate', capacity: '1 l' },
  createdAt: EXAMPLE.at,
  updatedAt: EXAMPLE.at,
};

const tenPercent = {
  promotionId: EXAMPLE.promotionId,
  description: '10% off teapots',
  amount: eur(349),
};

export const recommendedExample = {
  productId: EXAMPLE.otherProductId,
  name: 'Loose-leaf green tea, 100 g',
  categoryId: 'grocery',
  price: eur(890),
  score: 17,
};

export const productPageExample = {
  product: productDetailExample,
  pricing: { status: 'ok', listPrice: eur(3_490), price: eur(3_141), discounts: [tenPercent] },
  recommendations: {
    status: 'degraded',
    reason: 'circuit-open',
    fallback: 'last-good',
    items: [recommendedExample],
  },
};

export const promotionExample = {
  id: EXAMPLE.promotionId,
  description: '10% off teapots',
  scope: 'PRODUCT',
  targetId: EXAMPLE.productId,
  percentOff: 10,
  amountOff: null,
  minimumSubtotal: null,
  validFrom: EXAMPLE.at,
  validUntil: null,
  active: true,
};

export const orderExample = {
  id: EXAMPLE.orderId,
  status: 'CONFIRMED',
  customerId: EXAMPLE.customerId,
  lines: [{ productId: EXAMPLE.productId, quantity: 2, unitPrice: eur(3_490), total: eur(6_980) }],
  discounts: [
    {
      description: '10% off teapots',
      amount: eur(698),
      promotionId: EXAMPLE.promotionId,
      productId: EXAMPLE.productId,
    },
  ],
  subtotal: eur(6_980),
  discountTotal: eur(698),
  total: eur(6_282),
  couponCode: null,
  cancellationReason: null,
  createdAt: EXAMPLE.at,
  updatedAt: EXAMPLE.at,
};

export const couponExample = {
  code: 'SPRING10',
  percentOff: 10,
  amountOff: null,
  maxRedemptions: 500,
  perCustomerLimit: 1,
  validUntil: '2026-06-01T00:00:00.000Z',
  redemptions: 12,
};

export const money = eur;
