import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  type ReserveStockRequest,
  type StockReservation,
  stockReservationSchema,
} from '#libs/contracts';
import { ServiceClient } from '#libs/http-client';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import { ServiceTokenSigner } from '#libs/service-identity';
import type { OrderConfig } from '../order.config.js';

/**
 * The product service's stock reservations, as the order service uses them. Every call is
 * idempotent by order id on the product side, so repeating one is always safe.
 */
@Injectable()
export class ProductClient implements OnApplicationShutdown {
  private readonly http: ServiceClient;

  constructor(
    @Inject(SERVICE_CONFIG) config: OrderConfig,
    @Inject(ServiceTokenSigner) signer: ServiceTokenSigner,
  ) {
    this.http = new ServiceClient({
      service: 'product',
      baseUrl: config.PRODUCT_URL,
      timeoutMs: config.DOWNSTREAM_TIMEOUT_MS,
      // The product service refuses calls without a token minted for it (docs/gateway.md).
      authorization: () => signer.authorizationFor('product'),
    });
  }

  /** Sets stock aside for every line, or for none (409 `PRODUCT.OUT_OF_STOCK`). */
  reserveStock(request: ReserveStockRequest): Promise<StockReservation> {
    return this.http.post('/stock-reservations', request, stockReservationSchema);
  }

  /** Gives reserved stock back; for an order that reserved nothing, refuses any later reserve. */
  releaseStock(orderId: string): Promise<StockReservation> {
    return this.http.post(
      `/stock-reservations/${orderId}/release`,
      undefined,
      stockReservationSchema,
    );
  }

  /** Turns the reservation into sales; it can no longer be released. */
  commitStock(orderId: string): Promise<StockReservation> {
    return this.http.post(
      `/stock-reservations/${orderId}/commit`,
      undefined,
      stockReservationSchema,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.http.close();
  }
}
