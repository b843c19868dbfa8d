/** What recommendations need of an order line. */
export interface PurchasedLine {
  productId: string;
  quantity: number;
}

/** Units bought of one product in one order. */
export interface UnitsBought {
  productId: string;
  units: number;
}

/** Two distinct products that were bought in the same order, seen from `productId`'s side. */
export interface BoughtTogether {
  productId: string;
  boughtWithId: string;
}

/** The statistics one confirmed order contributes. */
export interface PurchasesInOrder {
  /** One entry per distinct product, quantities of repeated lines added up. */
  units: UnitsBought[];
  /** Every ordered pair of distinct products: (A, B) and (B, A). */
  pairs: BoughtTogether[];
}

/**
 * Turns an order's lines into what it adds to the statistics. Both lists are sorted by product id:
 * concurrent transactions then lock the rows they upsert in the same order and cannot deadlock,
 * and one upsert statement never meets the same row twice.
 */
export function purchasesInOrder(lines: readonly PurchasedLine[]): PurchasesInOrder {
  const unitsByProduct = new Map<string, number>();
  for (const { productId, quantity } of lines) {
    unitsByProduct.set(productId, (unitsByProduct.get(productId) ?? 0) + quantity);
  }
  const productIds = [...unitsByProduct.keys()].sort();
  return {
    units: productIds.map((productId) => ({ productId, units: unitsByProduct.get(productId)! })),
    pairs: productIds.flatMap((productId) =>
      productIds
        .filter((other) => other !== productId)
        .map((boughtWithId) => ({ productId, boughtWithId })),
    ),
  };
}
