/** A Redis for the stack or the tests: either started by us or named by REDIS_URL. */
export interface LocalRedis {
  /** `redis://host:port`. */
  url: string;
  /** True when we started the server and `stop()` shuts it down; false for one named by env. */
  embedded: boolean;
  stop(): Promise<void>;
}
