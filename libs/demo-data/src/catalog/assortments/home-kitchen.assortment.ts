import type { Assortment } from '../demo-assortment.js';

/** Cookware, tableware and bedding. */
export const homeKitchen: Assortment = {
  prefixes: ['Hearthstone', 'Casa Verde', 'Kettleby', 'Ironleaf', 'Maison Clair'],
  lines: [
    {
      kind: 'Cast Iron Skillet',
      euros: [29, 89],
      pitch: 'Pre-seasoned, oven-safe and ready for a lifetime of use.',
      traits: { material: 'Cast iron' },
    },
    {
      kind: "Chef's Knife",
      euros: [35, 149],
      pitch: 'A balanced 20 cm blade forged from a single piece of steel.',
      traits: { material: 'Stainless steel' },
    },
    {
      kind: 'French Press',
      euros: [19, 59],
      pitch: 'Double-walled, keeps a litre of coffee hot for an hour.',
      traits: { material: 'Stainless steel' },
    },
    {
      kind: 'Linen Duvet Cover',
      euros: [49, 159],
      pitch: 'Stone-washed linen that gets softer with every wash.',
      traits: { material: 'Linen' },
    },
    {
      kind: 'Stoneware Dinner Set',
      euros: [59, 199],
      pitch: 'Twelve hand-glazed pieces for four, dishwasher safe.',
      traits: { material: 'Stoneware' },
    },
    {
      kind: 'Espresso Machine',
      euros: [149, 599],
      pitch: 'A 15-bar pump and a steam wand for café-style milk.',
      traits: { material: 'Brushed steel' },
    },
  ],
  attributes: (brand, draw) => ({
    brand,
    color: draw(['Charcoal', 'Cream', 'Sage', 'Terracotta']),
  }),
};
