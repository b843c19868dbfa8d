import { Controller, Get } from '@nestjs/common';
import type { CategoryList } from '#libs/contracts';
import { CategoryRepository } from '../category.repository.js';

/**
 * `GET /categories` → every category with its product count. A plain read with no rule to apply,
 * so the controller asks the repository directly rather than through a handler.
 */
@Controller('categories')
export class ListCategoriesController {
  constructor(private readonly categories: CategoryRepository) {}

  @Get()
  async list(): Promise<CategoryList> {
    return { items: await this.categories.listWithProductCounts() };
  }
}
