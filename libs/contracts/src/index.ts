export { defineEvent, type EventContract, type PayloadOf } from './events/event-contract.js';
export { eventEnvelopeSchema, type EventEnvelope } from './events/event-envelope.js';
export {
  StockCommitted,
  StockReleased,
  StockReservationFailed,
  StockReserved,
} from './events/inventory.events.js';
export { OrderCancelled, OrderConfirmed, OrderPlaced } from './events/order.events.js';
export { ProductCreated, ProductPriceChanged, ProductUpdated } from './events/product.events.js';
export { CouponRedeemed, CouponReleased, PromotionChanged } from './events/promotion.events.js';
export {
  customerRecommendationsQuerySchema,
  customerRecommendationsSchema,
  productRecommendationsQuerySchema,
  productRecommendationsSchema,
  RECOMMENDATION_LIMIT,
  recommendationCustomerIdSchema,
  recommendedProductSchema,
  type CustomerRecommendations,
  type CustomerRecommendationsQuery,
  type ProductRecommendations,
  type ProductRecommendationsQuery,
  type RecommendedProduct,
} from './http/recommendation.http.js';
export { moneySchema, type Money } from './money.js';
export { SERVICE_NAMES, SERVICES, type ServiceName } from './services.js';
export { ALL_TOPICS, TOPICS, type TopicContract } from './topics.js';
