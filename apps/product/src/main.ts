import { runService } from '#libs/service-defaults';
import { productService } from './product.service.js';

await runService(productService);
