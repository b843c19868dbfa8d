/** A choice and how often it is made, relative to the others. */
export interface Weighted<T> {
  weight: number;
  value: T;
}

/**
 * Picks values in proportion to their weights, like shoppers who list more often than they buy.
 * `random` is injectable so tests can drive it; it must return numbers in [0, 1).
 */
export function weightedMix<T>(
  choices: readonly Weighted<T>[],
  random: () => number = Math.random,
): () => T {
  if (choices.length === 0 || choices.some((c) => !(c.weight >= 0))) {
    throw new Error('a mix needs at least one choice and no negative weights');
  }
  const total = choices.reduce((sum, choice) => sum + choice.weight, 0);
  if (total <= 0) throw new Error('a mix needs a positive total weight');
  const bounds: number[] = [];
  let running = 0;
  for (const choice of choices) bounds.push((running += choice.weight / total));
  return () => {
    const draw = random();
    const index = bounds.findIndex((bound) => draw < bound);
    // Rounding can leave the last bound a hair under 1.
    return choices[index === -1 ? choices.length - 1 : index]!.value;
  };
}
