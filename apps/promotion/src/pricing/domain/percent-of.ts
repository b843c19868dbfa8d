/**
 * `percent` % of `amount` (integer minor units), rounded half up to a whole minor unit, in integer
 * arithmetic only: 5 % of 1990 is 99.5, so 100. Exact while `amount × percent` is a safe integer,
 * which the contracts' bounds on prices, quantities and percentages guarantee.
 */
export function percentOf(amount: number, percent: number): number {
  const hundredths = amount * percent + 50;
  return (hundredths - (hundredths % 100)) / 100;
}
