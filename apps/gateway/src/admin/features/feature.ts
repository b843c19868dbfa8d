/** The features an admin can switch off at runtime. Only optional ones: never checkout. */
export const FEATURES = ['recommendations'] as const;

export type Feature = (typeof FEATURES)[number];

export const isFeature = (name: string): name is Feature =>
  (FEATURES as readonly string[]).includes(name);
