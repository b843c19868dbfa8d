import type { Assortment } from '../demo-assortment.js';

/** Skin care, hair care and fragrance. */
export const beauty: Assortment = {
  prefixes: ['Lumière', 'Aloevia', 'Nordic Dew', 'Velvetine', 'Botanica Lane'],
  lines: [
    {
      kind: 'Hydrating Face Serum',
      euros: [19, 69],
      pitch: 'Hyaluronic acid and niacinamide for plump, calm skin.',
    },
    { kind: 'Vitamin C Cream', euros: [15, 49], pitch: 'A light day cream that evens out tone.' },
    {
      kind: 'Argan Hair Oil',
      euros: [12, 39],
      pitch: 'Cold-pressed oil that tames frizz without weighing hair down.',
    },
    {
      kind: 'Mineral Sunscreen SPF 50',
      euros: [9, 29],
      pitch: 'Reef-friendly protection with no white cast.',
    },
    { kind: 'Lip Balm Trio', euros: [5, 15], pitch: 'Shea butter balms in three soft tints.' },
    {
      kind: 'Eau de Parfum',
      euros: [39, 129],
      pitch: 'Bergamot, cedar and a warm trace of vanilla.',
    },
  ],
  attributes: (brand, draw) => ({
    brand,
    volume: draw(['15 ml', '30 ml', '50 ml', '100 ml']),
    skinType: draw(['All', 'Dry', 'Sensitive', 'Oily']),
  }),
};
