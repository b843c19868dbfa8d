import { describeServiceApiDocs } from '../../../../test/support/service-api-docs.js';
import { promotionService } from '../promotion.service.js';

describeServiceApiDocs({
  service: promotionService,
  signedRoute: '/coupons/SPRING10',
  // Its own catalog consumer group, so it takes no partitions from other suites' promotion apps.
  env: { CATALOG_CONSUMER_GROUP: `promotion.catalog.docs-test-${Date.now()}` },
});
