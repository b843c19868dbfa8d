import { runService } from '#libs/service-defaults';
import { promotionService } from './promotion.service.js';

await runService(promotionService);
