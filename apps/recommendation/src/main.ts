import { runService } from '#libs/service-defaults';
import { recommendationService } from './recommendation.service.js';

await runService(recommendationService);
