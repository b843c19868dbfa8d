import type { Assortment } from '../demo-assortment.js';

/** Headphones, speakers, watches and other gadgets. */
export const electronics: Assortment = {
  prefixes: ['Voltera', 'Nordwave', 'Kestrel', 'Aurion', 'Polarlight'],
  lines: [
    {
      kind: 'Wireless Headphones',
      euros: [59, 249],
      pitch: 'Over-ear headphones with active noise cancelling and 30 hours of battery.',
    },
    {
      kind: 'Bluetooth Speaker',
      euros: [29, 179],
      pitch: 'A splash-proof speaker with deep bass that fits in a backpack.',
    },
    {
      kind: 'Smartwatch',
      euros: [99, 399],
      pitch: 'Tracks heart rate, sleep and workouts, and lasts a week per charge.',
    },
    {
      kind: 'USB-C Charger',
      euros: [15, 49],
      pitch: 'A compact 65 W charger for a laptop and a phone at once.',
    },
    {
      kind: 'Mechanical Keyboard',
      euros: [69, 189],
      pitch: 'Hot-swappable switches, aluminium frame and per-key lighting.',
    },
    {
      kind: '4K Action Camera',
      euros: [129, 399],
      pitch: 'Stabilised 4K video, waterproof to 10 metres without a case.',
    },
  ],
  attributes: (brand, draw) => ({
    brand,
    color: draw(['Black', 'Silver', 'White', 'Graphite', 'Ocean Blue']),
    warranty: draw(['2 years', '3 years']),
  }),
};
