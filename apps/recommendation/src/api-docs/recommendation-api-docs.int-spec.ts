import { describeServiceApiDocs } from '../../../../test/support/service-api-docs.js';
import { recommendationService } from '../recommendation.service.js';

describeServiceApiDocs({
  service: recommendationService,
  signedRoute: '/recommendations/customers/alice',
});
