/** A topic that must exist, as created when it does not. */
export interface TopicSpec {
  name: string;
  partitions: number;
  /** Topic-level configs (e.g. `cleanup.policy`), applied only when the topic is created. */
  config?: Record<string, string>;
}
