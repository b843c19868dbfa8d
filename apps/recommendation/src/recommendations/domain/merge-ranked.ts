import type { RecommendedProduct } from '#libs/contracts';

/** Candidates found by one strategy, best first. */
export interface RankedCandidates<Strategy extends string> {
  strategy: Strategy;
  candidates: readonly RecommendedProduct[];
}

export interface MergedRecommendations<Strategy extends string> {
  /** The strategy that produced the first item; the last (fallback) one when there are none. */
  strategy: Strategy;
  items: RecommendedProduct[];
}

/**
 * Merges ranked candidate lists in order of preference: everything the first strategy found, in
 * its order, then the next strategy's candidates to top the list up to `limit`. A product appears
 * at most once (where the more preferred strategy put it), and excluded products (the subject of
 * the recommendation) never appear.
 */
export function mergeRanked<Strategy extends string>(
  sources: readonly [RankedCandidates<Strategy>, ...RankedCandidates<Strategy>[]],
  { limit, exclude = [] }: { limit: number; exclude?: readonly string[] },
): MergedRecommendations<Strategy> {
  const taken = new Set(exclude);
  const items: RecommendedProduct[] = [];
  let strategy: Strategy | undefined;
  for (const source of sources) {
    for (const candidate of source.candidates) {
      if (items.length === limit) break;
      if (taken.has(candidate.productId)) continue;
      taken.add(candidate.productId);
      items.push(candidate);
      strategy ??= source.strategy;
    }
  }
  return { strategy: strategy ?? sources[sources.length - 1]!.strategy, items };
}
