export { HealthModule, type HealthOptions } from './health.module.js';
export type { ReadinessCheck } from './readiness-check.js';
