import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { type ServiceName, orderIdSchema } from '#libs/contracts';
import { ProblemException } from '#libs/problem-details';
import { CallerService } from '#libs/service-identity';
import { ZodValidationPipe } from '#libs/validation';
import { PlacementSagaOrchestrator } from '../placement-saga.orchestrator.js';

/**
 * `POST /admin/orders/:id/saga/retry`: an admin resumes a saga parked in COMPENSATION_FAILED
 * (after fixing what kept the compensation from getting through). Only the gateway may call it:
 * it checks the admin's token; other services have no business here. 409 ORDER.SAGA_NOT_PARKED
 * for a saga in any other state.
 */
@Controller('admin/orders')
export class RetrySagaController {
  constructor(private readonly orchestrator: PlacementSagaOrchestrator) {}

  @Post(':id/saga/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  async retry(
    @CallerService() caller: ServiceName | undefined,
    @Param('id', new ZodValidationPipe(orderIdSchema)) id: string,
  ): Promise<{ id: string; status: 'COMPENSATING' }> {
    if (caller !== 'gateway') {
      throw new ProblemException({
        status: HttpStatus.FORBIDDEN,
        title: 'Forbidden',
        detail: 'Only the gateway may retry a saga, on behalf of an admin.',
        code: 'AUTH.FORBIDDEN',
      });
    }
    await this.orchestrator.retryCompensation(id);
    return { id, status: 'COMPENSATING' };
  }
}
