/** Injection token for the list of {@link ReadinessCheck}s the readiness probe runs. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
