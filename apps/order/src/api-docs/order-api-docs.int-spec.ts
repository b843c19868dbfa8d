import { describeServiceApiDocs } from '../../../../test/support/service-api-docs.js';
import { orderService } from '../order.service.js';

describeServiceApiDocs({
  service: orderService,
  signedRoute: '/orders/00000000-0000-4000-8000-000000000000',
});
