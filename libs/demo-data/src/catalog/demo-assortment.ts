/** A kind of product a demo category sells, e.g. wireless headphones. */
export interface ProductLine {
  /** The noun that ends the product name: `Wireless Headphones`. */
  kind: string;
  /** The list price range in whole euros; prices end in .99, .95 or .49 like shop prices do. */
  euros: readonly [min: number, max: number];
  /** The first sentence of the description. */
  pitch: string;
  /** Attributes every product of this line shares, e.g. its material or origin. */
  traits?: Readonly<Record<string, string>>;
}

/** Picks one of the options, deterministically (see `deterministicRandom`). */
export type Draw = <T>(options: readonly T[]) => T;

/**
 * What a demo category sells. Names are `<prefix> <line kind>`; with five prefixes and six lines,
 * the 30 products of a category get 30 different names (lcm(5, 6) = 30).
 */
export interface Assortment {
  /** Brands, or for books the opening words of titles. */
  prefixes: readonly [string, string, string, string, string];
  lines: readonly [ProductLine, ProductLine, ProductLine, ProductLine, ProductLine, ProductLine];
  /** The attributes that vary from product to product. */
  attributes(prefix: string, draw: Draw): Record<string, string>;
}
