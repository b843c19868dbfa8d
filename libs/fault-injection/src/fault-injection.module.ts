import { type DynamicModule, Module } from '@nestjs/common';
import { getToken } from '@willsoto/nestjs-prometheus';
import type { Gauge } from 'prom-client';
import {
  FAULT_INJECTION_ACTIVE,
  type FaultActiveLabel,
  faultInjectionActiveProvider,
} from './fault-injection.metrics.js';
import {
  FAULT_INJECTION_OPTIONS,
  type FaultInjectionOptions,
  type ResolvedFaultInjectionOptions,
} from './fault-injection.options.js';
import { faultSettingsPatchSchema } from './fault-settings-patch.schema.js';
import { FaultSettingsController } from './fault-settings.controller.js';
import { FaultSettings } from './fault-settings.js';

/**
 * Runtime fault switches for one service: a global {@link FaultSettings} that feature code reads,
 * and `GET|PUT|DELETE /admin/faults` for the gateway to change them. Import once per service:
 *
 * ```ts
 * FaultInjectionModule.forRoot({ enabled: config.FAULT_INJECTION === 'on', schema: productFaultsSchema })
 * ```
 *
 * With `enabled: false` everything is still injectable (feature code needs no `if`), nothing ever
 * fires, and the route answers 404.
 */
@Module({})
export class FaultInjectionModule {
  static forRoot(options: FaultInjectionOptions): DynamicModule {
    const resolved: ResolvedFaultInjectionOptions = {
      callers: options.callers ?? ['gateway'],
      patchSchema: faultSettingsPatchSchema(options.schema),
    };
    return {
      module: FaultInjectionModule,
      global: true,
      controllers: [FaultSettingsController],
      providers: [
        faultInjectionActiveProvider,
        { provide: FAULT_INJECTION_OPTIONS, useValue: resolved },
        {
          provide: FaultSettings,
          inject: [getToken(FAULT_INJECTION_ACTIVE)],
          useFactory: (gauge: Gauge<FaultActiveLabel>) =>
            new FaultSettings({
              enabled: options.enabled,
              faults: Object.keys(options.schema.shape),
              gauge,
              ...(options.random ? { random: options.random } : {}),
            }),
        },
      ],
      exports: [FaultSettings],
    };
  }
}
