import { isSuccess } from '../traffic/request-outcome.js';
import type { ShopClient } from './shop-client.js';

/** The services whose faults can be injected (`FAULT_INJECTION=on`). */
export type FaultService = 'product' | 'promotion' | 'recommendation';

/** The run cannot start or go on: the stack lacks something the scenario needs. */
export class LoadtestSetupError extends Error {}

/**
 * The gateway's admin endpoints for fault injection (`/api/admin/faults/:service`), as an admin.
 * A 404 means either this gateway has no such route or the service runs without
 * `FAULT_INJECTION=on`; the error says both, since the load test cannot tell them apart.
 */
export class AdminApi {
  constructor(
    private readonly client: ShopClient,
    private readonly adminToken: string,
  ) {}

  /** Fails fast, before any load, when a scenario's fault endpoint is missing. */
  async checkFaultsAvailable(service: FaultService): Promise<void> {
    await this.faults('GET', service);
  }

  async setFaults(service: FaultService, settings: Record<string, unknown>): Promise<void> {
    await this.faults('PUT', service, settings);
  }

  async resetFaults(service: FaultService): Promise<void> {
    await this.faults('DELETE', service);
  }

  private async faults(
    method: 'GET' | 'PUT' | 'DELETE',
    service: FaultService,
    body?: Record<string, unknown>,
  ): Promise<void> {
    const path = `/api/admin/faults/${service}`;
    const response = await this.client.unrecorded(method, path, { token: this.adminToken, body });
    if (response.outcome === 404) {
      throw new LoadtestSetupError(
        `${method} ${path} answered 404: start ${service} with FAULT_INJECTION=on (npm start does; in compose set it on the service), or update a gateway that lacks the admin faults routes`,
      );
    }
    if (!isSuccess(response.outcome)) {
      throw new LoadtestSetupError(
        `${method} ${path} failed (${response.outcome}): ${JSON.stringify(response.body ?? '')}`,
      );
    }
  }
}
