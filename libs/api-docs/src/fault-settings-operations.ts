import { z } from 'zod';
import type { ServiceOperation } from './service-api-document.js';

/**
 * `GET|PUT|DELETE /admin/faults` of a service that registers `FaultInjectionModule`
 * (docs/fault-injection.md), described with that service's own fault schema. Only the gateway may
 * call them (403 otherwise), and they answer 404 while `FAULT_INJECTION` is off.
 */
export function faultSettingsOperations(faults: z.ZodObject): ServiceOperation[] {
  const settings = { name: 'FaultSettings', schema: faults };
  // The merge body: any of the faults, or null to clear one (as the controller parses it).
  const patch = z.strictObject(
    Object.fromEntries(
      Object.entries(faults.shape).map(([key, value]) => [
        key,
        (value as z.ZodType).nullable().optional(),
      ]),
    ),
  );
  const common = { tag: 'Fault injection', access: 'service' as const, errors: [403, 404] };
  return [
    {
      ...common,
      method: 'get',
      path: '/admin/faults',
      summary: 'The faults in effect',
      responses: { 200: { description: 'The faults in effect.', schema: settings } },
    },
    {
      ...common,
      method: 'put',
      path: '/admin/faults',
      summary: 'Set faults (merged in; `null` clears one)',
      body: { schema: { name: 'FaultSettingsPatch', schema: patch } },
      responses: { 200: { description: 'The faults now in effect.', schema: settings } },
      errors: [400, 403, 404],
    },
    {
      ...common,
      method: 'delete',
      path: '/admin/faults',
      summary: 'Clear every fault',
      responses: { 204: { description: 'No fault is in effect.' } },
    },
  ];
}
