import { runService } from '#libs/service-defaults';
import { orderService } from './order.service.js';

await runService(orderService);
