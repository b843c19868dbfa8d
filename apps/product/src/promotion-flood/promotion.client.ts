import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type Quote, type QuoteRequest, quoteSchema } from '#libs/contracts';
import { type CallOptions, ServiceClient } from '#libs/http-client';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import { ServiceTokenSigner } from '#libs/service-identity';
import type { ProductConfig } from '../product.config.js';

/**
 * The promotion service's quotes, as the product service may ask for them. A well-behaved
 * client: a 429 or 503 with `Retry-After` is retried after the asked-for wait plus jitter, at
 * most three attempts within the deadline and a retry budget (#libs/http-client).
 */
@Injectable()
export class PromotionClient implements OnApplicationShutdown {
  private readonly http: ServiceClient;

  constructor(
    @Inject(SERVICE_CONFIG) config: ProductConfig,
    @Inject(ServiceTokenSigner) signer: ServiceTokenSigner,
  ) {
    this.http = new ServiceClient({
      service: 'promotion',
      baseUrl: config.PROMOTION_URL,
      timeoutMs: 2_000,
      connections: 16,
      authorization: () => signer.authorizationFor('promotion'),
      retryAfter: { maxAttempts: 3, maxWaitMs: 1_500 },
    });
  }

  /** Prices a cart; changes nothing, so it is safe to repeat. */
  quote(request: QuoteRequest, call: CallOptions = {}): Promise<Quote> {
    return this.http.post('/quotes', request, quoteSchema, call);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.http.close();
  }
}
