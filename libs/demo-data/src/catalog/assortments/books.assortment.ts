import type { Assortment } from '../demo-assortment.js';

/** Invented, like every brand in the demo: it advertises nobody. */
const AUTHORS = [
  'Mara Lindqvist',
  'Tomás Ferreira',
  'Aiko Tanaka',
  'Samuel Okafor',
  'Elise Moreau',
];

/** Titles across six genres; the prefixes open the titles. */
export const books: Assortment = {
  prefixes: ['The Quiet', 'Beyond the', 'Letters from the', 'The Last', 'Notes on the'],
  lines: [
    {
      kind: 'Harbour',
      euros: [9, 19],
      pitch: 'A slow-burning novel about a fishing town and the family that holds it together.',
      traits: { genre: 'Fiction' },
    },
    {
      kind: 'Algorithm',
      euros: [29, 59],
      pitch: 'A clear, practical introduction to how software makes decisions.',
      traits: { genre: 'Computing' },
    },
    {
      kind: 'Kitchen',
      euros: [19, 39],
      pitch: 'Seasonal recipes for every day, with notes on where they came from.',
      traits: { genre: 'Cooking' },
    },
    {
      kind: 'Mountains',
      euros: [14, 29],
      pitch: 'Walks, huts and stories from a year spent above the tree line.',
      traits: { genre: 'Travel' },
    },
    {
      kind: 'Empire',
      euros: [15, 35],
      pitch: 'How a trading city rose, ruled an ocean and fell in two centuries.',
      traits: { genre: 'History' },
    },
    {
      kind: 'Mind',
      euros: [12, 28],
      pitch: 'What recent research says about attention, habit and memory.',
      traits: { genre: 'Psychology' },
    },
  ],
  attributes: (_title, draw) => ({
    author: draw(AUTHORS),
    format: draw(['Hardcover', 'Paperback']),
    pages: String(draw([192, 224, 256, 288, 320, 384, 448])),
    language: 'English',
  }),
};
