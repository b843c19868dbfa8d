import type { DemoCategoryId } from '../demo-categories.js';
import type { Assortment } from './demo-assortment.js';
import { beauty } from './assortments/beauty.assortment.js';
import { books } from './assortments/books.assortment.js';
import { electronics } from './assortments/electronics.assortment.js';
import { fashion } from './assortments/fashion.assortment.js';
import { grocery } from './assortments/grocery.assortment.js';
import { homeKitchen } from './assortments/home-kitchen.assortment.js';
import { sportsOutdoors } from './assortments/sports-outdoors.assortment.js';
import { toysGames } from './assortments/toys-games.assortment.js';

/**
 * What each demo category sells. Brands and authors are invented, so the demo advertises nobody.
 */
export const DEMO_ASSORTMENTS: Record<DemoCategoryId, Assortment> = {
  electronics,
  'home-kitchen': homeKitchen,
  books,
  'sports-outdoors': sportsOutdoors,
  'toys-games': toysGames,
  beauty,
  fashion,
  grocery,
};
