/** How far a consumer group is behind on one partition. */
export interface PartitionLag {
  partition: number;
  lag: number;
}

/** A partition's offsets, as kafkajs's `admin.fetchTopicOffsets` gives them. */
export interface PartitionEnds {
  partition: number;
  low: string;
  high: string;
}

/** A group's committed offset on a partition (`admin.fetchOffsets`); `-1` when none yet. */
export interface CommittedOffset {
  partition: number;
  offset: string;
}

/**
 * The lag of a group on each partition of a topic: messages between its committed offset and the
 * end of the partition. A group that has committed nothing reads from the beginning, so everything
 * still on the partition counts.
 */
export function consumerLag(ends: PartitionEnds[], committed: CommittedOffset[]): PartitionLag[] {
  return ends.map(({ partition, low, high }) => {
    const offset = Number(committed.find((c) => c.partition === partition)?.offset ?? -1);
    const position = offset < 0 ? Number(low) : offset;
    return { partition, lag: Math.max(0, Number(high) - position) };
  });
}
