/** Raised when the environment does not satisfy a service's config schema. */
export class ConfigError extends Error {
  constructor(
    /** The environment variable at fault. */
    readonly variable: string,
    /** What the variable should hold, in words. */
    readonly expectation: string,
  ) {
    super(`config error: ${variable} ${expectation}`);
    this.name = 'ConfigError';
  }
}
