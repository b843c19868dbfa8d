import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReadinessCheck } from '#libs/health';

/** Ready when the service's database answers a trivial query. */
@Injectable()
export class DatabaseReadiness implements ReadinessCheck {
  readonly name = 'database';

  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
