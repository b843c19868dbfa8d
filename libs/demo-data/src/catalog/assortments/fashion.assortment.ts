import type { Assortment } from '../demo-assortment.js';

/** Clothing and accessories. */
export const fashion: Assortment = {
  prefixes: ['Atelier Nord', 'Blue Harbor', 'Copperline', 'Wren & Moss', 'Saltwind'],
  lines: [
    {
      kind: 'Merino Sweater',
      euros: [59, 149],
      pitch: 'Fine-knit merino that breathes in summer and warms in winter.',
      traits: { material: 'Merino wool' },
    },
    {
      kind: 'Denim Jacket',
      euros: [69, 159],
      pitch: 'A classic trucker cut in heavy, rigid denim.',
      traits: { material: 'Denim' },
    },
    {
      kind: 'Linen Shirt',
      euros: [39, 89],
      pitch: 'Relaxed fit, garment-dyed, made for warm days.',
      traits: { material: 'Linen' },
    },
    {
      kind: 'Leather Belt',
      euros: [25, 69],
      pitch: 'Full-grain leather with a solid brass buckle.',
      traits: { material: 'Leather' },
    },
    {
      kind: 'Wool Scarf',
      euros: [25, 79],
      pitch: 'A long, soft scarf woven in a small family mill.',
      traits: { material: 'Lambswool' },
    },
    {
      kind: 'Chino Trousers',
      euros: [49, 99],
      pitch: 'Tailored chinos with a little stretch for comfort.',
      traits: { material: 'Cotton twill' },
    },
  ],
  attributes: (brand, draw) => ({
    brand,
    color: draw(['Navy', 'Ecru', 'Black', 'Olive', 'Burgundy']),
  }),
};
