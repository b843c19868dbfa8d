import { z } from 'zod';
import { DomainError } from '#libs/domain-errors';
import { ProblemException } from '#libs/problem-details';
import { unregisteredFaultInjectionActive } from './fault-injection.metrics.js';
import { faultSettingsPatchSchema } from './fault-settings-patch.schema.js';
import { FaultSettingsController } from './fault-settings.controller.js';
import { FaultSettings } from './fault-settings.js';
import { faultTriggerSchema } from './fault-trigger.js';

const schema = z.strictObject({ reserveStock: faultTriggerSchema(['fail']).optional() });

function controllerWith(enabled: boolean) {
  const settings = new FaultSettings({
    enabled,
    faults: ['reserveStock'],
    gauge: unregisteredFaultInjectionActive(),
  });
  const controller = new FaultSettingsController(settings, {
    callers: ['gateway'],
    patchSchema: faultSettingsPatchSchema(schema),
  });
  return { settings, controller };
}

describe('FaultSettingsController', () => {
  it('merges a change from the gateway and shows it', () => {
    const { controller } = controllerWith(true);
    expect(controller.change('gateway', { reserveStock: { mode: 'fail', next: 1 } })).toEqual({
      reserveStock: { mode: 'fail', next: 1 },
    });
    expect(controller.show('gateway')).toEqual({ reserveStock: { mode: 'fail', next: 1 } });
    expect(controller.reset('gateway')).toEqual({});
    expect(controller.show('gateway')).toEqual({});
  });

  it('refuses every other caller with 403, changing nothing', () => {
    const { controller, settings } = controllerWith(true);
    const act = () => controller.change('order', { reserveStock: { mode: 'fail' } });
    expect(act).toThrow(ProblemException);
    expect(act).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ status: 403 }) }),
    );
    expect(() => controller.show(undefined)).toThrow(ProblemException);
    expect(settings.current()).toEqual({});
  });

  it('answers 404 to everyone, the gateway included, when fault injection is off', () => {
    const { controller } = controllerWith(false);
    for (const act of [() => controller.show('gateway'), () => controller.reset('gateway')]) {
      expect(act).toThrow(DomainError);
      expect(act).toThrow(
        expect.objectContaining({ code: 'FAULT_INJECTION.DISABLED', kind: 'not-found' }),
      );
    }
  });

  it('refuses an invalid body with a 400 naming the field', () => {
    const { controller } = controllerWith(true);
    expect(() => controller.change('gateway', { reserveStock: { mode: 'explode' } })).toThrow(
      expect.objectContaining({
        problem: expect.objectContaining({
          status: 400,
          errors: [expect.objectContaining({ field: 'body.reserveStock.mode' })],
        }),
      }),
    );
  });
});
