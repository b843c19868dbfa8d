import { Injectable } from '@nestjs/common';
import { type ProductDetail, productDetailSchema } from '#libs/contracts';
import type { CallOptions } from '#libs/http-client';
import { ServiceClients } from '../downstream/service-clients.js';

/** The product service, as the product page uses it. One small class per dependency, so the
 * resilience policies of the degradation work can wrap each call site alone. */
@Injectable()
export class ProductCatalogClient {
  constructor(private readonly clients: ServiceClients) {}

  product(productId: string, call: CallOptions): Promise<ProductDetail> {
    return this.clients.of('product').get(`/products/${productId}`, productDetailSchema, call);
  }
}
