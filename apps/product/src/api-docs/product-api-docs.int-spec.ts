import { describeServiceApiDocs } from '../../../../test/support/service-api-docs.js';
import { productService } from '../product.service.js';

describeServiceApiDocs({ service: productService, signedRoute: '/categories' });
