import type { Assortment } from '../demo-assortment.js';

/** Pantry staples, coffee and tea. */
export const grocery: Assortment = {
  prefixes: ['Green Valley', 'Old Mill', 'Sunfield', 'Alpine Farm', 'Harvest Moon'],
  lines: [
    {
      kind: 'Extra Virgin Olive Oil',
      euros: [7, 18],
      pitch: 'Cold-pressed from early-harvest olives; 500 ml.',
      traits: { origin: 'Greece' },
    },
    {
      kind: 'Single-Origin Coffee Beans',
      euros: [14, 32],
      pitch: 'Medium roast with notes of cocoa and cherry; 1 kg.',
      traits: { origin: 'Colombia' },
    },
    {
      kind: 'Dark Chocolate 85%',
      euros: [2, 5],
      pitch: 'Intense, barely sweet, with a clean snap; 100 g.',
      traits: { origin: 'Ecuador' },
    },
    {
      kind: 'Wildflower Honey',
      euros: [5, 14],
      pitch: 'Raw honey from meadows in bloom; 450 g.',
      traits: { origin: 'Austria' },
    },
    {
      kind: 'Whole Grain Pasta',
      euros: [2, 5],
      pitch: 'Bronze-cut durum wheat pasta that holds its sauce; 500 g.',
      traits: { origin: 'Italy' },
    },
    {
      kind: 'Sencha Green Tea',
      euros: [4, 12],
      pitch: 'Grassy, bright loose-leaf tea; 100 g.',
      traits: { origin: 'Japan' },
    },
  ],
  attributes: (brand, draw) => ({ brand, organic: draw(['yes', 'no']) }),
};
