import { migrateService, runService } from '#libs/service-defaults';
import { orderService } from './order.service.js';

// `main.js migrate`: migrate, then exit (docker-compose.yml's one-shot job order-migrate).
if (process.argv[2] === 'migrate') await migrateService(orderService);
else await runService(orderService);
