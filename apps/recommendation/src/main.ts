import { migrateService, runService } from '#libs/service-defaults';
import { recommendationService } from './recommendation.service.js';

// `main.js migrate`: migrate, then exit (docker-compose.yml's one-shot job recommendation-migrate).
if (process.argv[2] === 'migrate') await migrateService(recommendationService);
else await runService(recommendationService);
