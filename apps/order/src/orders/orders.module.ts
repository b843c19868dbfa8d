import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '#libs/messaging';
import { DownstreamClientsModule } from '../clients/downstream-clients.module.js';
import { CancelOrderController } from './cancel-order/cancel-order.controller.js';
import { GetOrderController } from './get-order/get-order.controller.js';
import { ListOrdersController } from './list-orders/list-orders.controller.js';
import { OrderLifecycle } from './order-lifecycle.js';
import { OrderRepository } from './order.repository.js';
import { PlaceOrderController } from './place-order/place-order.controller.js';
import { PlaceOrderHandler } from './place-order/place-order.handler.js';
import { PlacementSagaOrchestrator } from './saga/placement-saga.orchestrator.js';
import { SAGA_REPLY_HANDLERS } from './saga/replies/saga-reply-handlers.js';
import { RetrySagaController } from './saga/retry-saga/retry-saga.controller.js';
import { SagaMetrics, sagaMetricProviders } from './saga/saga-metrics.js';
import { SagaSweeper } from './saga/saga-sweeper.js';
import { SagaRepository } from './saga/saga.repository.js';
import { ShowSagaController } from './saga/show-saga/show-saga.controller.js';

/**
 * Orders: placing one (its saga, driven by the participants' replies and the sweeper), reading
 * one and its saga, listing a customer's, cancelling one, retrying a parked saga. Global because
 * `MessagingModule.forConsumer` builds its own module around the reply handlers, and that module
 * sees only global providers: this is how the handlers reach the orchestrator.
 */
@Module({})
export class OrdersModule {
  static consuming(sagaConsumerGroup: string): DynamicModule {
    return {
      module: OrdersModule,
      global: true,
      imports: [
        DownstreamClientsModule,
        MessagingModule.forConsumer({ groupId: sagaConsumerGroup, handlers: SAGA_REPLY_HANDLERS }),
      ],
      controllers: [
        PlaceOrderController,
        GetOrderController,
        ListOrdersController,
        CancelOrderController,
        ShowSagaController,
        RetrySagaController,
      ],
      providers: [
        OrderRepository,
        OrderLifecycle,
        PlaceOrderHandler,
        SagaRepository,
        SagaMetrics,
        ...sagaMetricProviders,
        PlacementSagaOrchestrator,
        SagaSweeper,
      ],
      exports: [PlacementSagaOrchestrator],
    };
  }
}
