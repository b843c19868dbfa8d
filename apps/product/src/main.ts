import { migrateService, runService } from '#libs/service-defaults';
import { productService } from './product.service.js';

// `main.js migrate`: migrate, then exit (docker-compose.yml's one-shot job product-migrate).
if (process.argv[2] === 'migrate') await migrateService(productService);
else await runService(productService);
