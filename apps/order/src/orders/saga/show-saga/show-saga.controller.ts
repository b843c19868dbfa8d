import { Controller, Get, Param } from '@nestjs/common';
import { orderIdSchema, type OrderSaga } from '#libs/contracts';
import { DomainError } from '#libs/domain-errors';
import { ZodValidationPipe } from '#libs/validation';
import { SagaRepository } from '../saga.repository.js';

/**
 * `GET /orders/:id/saga`: how the order's placement went, step by step: what ran, what was
 * compensated, each outcome with its reason, attempt and time.
 */
@Controller('orders')
export class ShowSagaController {
  constructor(private readonly sagas: SagaRepository) {}

  @Get(':id/saga')
  async show(@Param('id', new ZodValidationPipe(orderIdSchema)) id: string): Promise<OrderSaga> {
    const saga = await this.sagas.findWithTimeline(id);
    if (!saga) throw new DomainError('ORDER.NOT_FOUND', 'not-found', `There is no order ${id}.`);
    return {
      status: saga.state.status,
      steps: saga.timeline.map(({ step, kind, outcome, reason, attempt, at }) => ({
        step,
        kind,
        outcome,
        ...(reason ? { reason } : {}),
        attempt,
        at: at.toISOString(),
      })),
    };
  }
}
