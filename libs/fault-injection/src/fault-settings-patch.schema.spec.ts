import { z } from 'zod';
import { faultSettingsPatchSchema } from './fault-settings-patch.schema.js';
import { faultTriggerSchema } from './fault-trigger.js';

const serviceFaults = z.strictObject({
  reserveStock: faultTriggerSchema(['fail', 'no-reply']).optional(),
  latencyMs: z.number().int().min(0).optional(),
});

describe('faultSettingsPatchSchema', () => {
  const patch = faultSettingsPatchSchema(serviceFaults);

  it('accepts any subset of the faults, with null clearing one', () => {
    expect(patch.parse({ reserveStock: { mode: 'fail', next: 2 }, latencyMs: null })).toEqual({
      reserveStock: { mode: 'fail', next: 2 },
      latencyMs: null,
    });
    expect(patch.parse({})).toEqual({});
  });

  it('validates each value with the service schema', () => {
    const result = patch.safeParse({ latencyMs: -5 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['latencyMs']);
  });

  it('refuses a key the service does not know', () => {
    const result = patch.safeParse({ reserveStok: { mode: 'fail' } });
    expect(result.success).toBe(false);
  });
});
