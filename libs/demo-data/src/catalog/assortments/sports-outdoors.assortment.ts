import type { Assortment } from '../demo-assortment.js';

/** Running, hiking, camping and yoga gear. */
export const sportsOutdoors: Assortment = {
  prefixes: ['Summitra', 'Trailhaven', 'Fjellgear', 'Riverbend', 'Peakform'],
  lines: [
    {
      kind: 'Trail Running Shoes',
      euros: [79, 169],
      pitch: 'Grippy lugs and a rock plate for fast, rough trails.',
    },
    {
      kind: 'Yoga Mat',
      euros: [19, 69],
      pitch: 'A 5 mm non-slip mat that rolls up small for travel.',
    },
    {
      kind: 'Two-Person Tent',
      euros: [89, 349],
      pitch: 'Sets up in five minutes and stays dry through a storm.',
    },
    {
      kind: 'Insulated Water Bottle',
      euros: [15, 39],
      pitch: 'Keeps drinks cold for 24 hours or hot for 12.',
    },
    {
      kind: 'Hiking Backpack',
      euros: [49, 179],
      pitch: 'A 35-litre pack with a ventilated back and a rain cover.',
    },
    {
      kind: 'Carbon Trekking Poles',
      euros: [39, 119],
      pitch: 'Light, foldable poles with cork grips.',
    },
  ],
  attributes: (brand, draw) => ({
    brand,
    color: draw(['Forest Green', 'Slate', 'Orange', 'Black', 'Sky Blue']),
  }),
};
