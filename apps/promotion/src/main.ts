import { migrateService, runService } from '#libs/service-defaults';
import { promotionService } from './promotion.service.js';

// `main.js migrate`: migrate, then exit (docker-compose.yml's one-shot job promotion-migrate).
if (process.argv[2] === 'migrate') await migrateService(promotionService);
else await runService(promotionService);
