import type { Assortment } from '../demo-assortment.js';

/** Toys and games for children of every age. */
export const toysGames: Assortment = {
  prefixes: ['Brickwise', 'Little Orbit', 'Puzzleberry', 'Wonderkit', 'Tiny Tinker'],
  lines: [
    {
      kind: 'Building Blocks Set',
      euros: [19, 89],
      pitch: 'Hundreds of bricks and ideas for a rainy weekend.',
    },
    {
      kind: 'Wooden Puzzle',
      euros: [9, 29],
      pitch: 'Chunky, painted pieces made from sustainable beech.',
    },
    {
      kind: 'Board Game',
      euros: [19, 59],
      pitch: 'A cooperative game for two to five players, about 45 minutes.',
    },
    {
      kind: 'Remote Control Car',
      euros: [29, 99],
      pitch: 'Rechargeable, all-terrain and fast enough to chase the dog.',
    },
    {
      kind: 'Plush Bear',
      euros: [12, 35],
      pitch: 'Soft, washable and sewn to survive years of hugs.',
    },
    {
      kind: 'Science Kit',
      euros: [24, 59],
      pitch: 'Twenty safe experiments with crystals, magnets and light.',
    },
  ],
  attributes: (brand, draw) => ({ brand, age: draw(['3+', '6+', '8+', '12+']) }),
};
