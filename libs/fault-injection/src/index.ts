export {
  faultInjectionEnv,
  faultInjectionEnvSchema,
  faultInjectionVariable,
} from './fault-injection.env.js';
export { FAULT_INJECTION_ACTIVE } from './fault-injection.metrics.js';
export { FaultInjectionModule } from './fault-injection.module.js';
export type { FaultInjectionOptions } from './fault-injection.options.js';
export {
  FaultSettings,
  type FaultSettingsPatch,
  type FaultSettingsShape,
  type TriggerKey,
} from './fault-settings.js';
export {
  type FaultTrigger,
  faultTriggerSchema,
  pullTrigger,
  type RandomSource,
  type TriggerPull,
} from './fault-trigger.js';
