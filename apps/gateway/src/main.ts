import { runService } from '#libs/service-defaults';
import { gatewayService } from './gateway.service.js';

await runService(gatewayService);
