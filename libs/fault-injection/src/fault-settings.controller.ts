import { Body, Controller, Delete, Get, HttpStatus, Inject, Put } from '@nestjs/common';
import type { z } from 'zod';
import type { ServiceName } from '#libs/contracts';
import { DomainError } from '#libs/domain-errors';
import { ProblemException } from '#libs/problem-details';
import { CallerService } from '#libs/service-identity';
import { ZodValidationPipe } from '#libs/validation';
import { FaultSettings, type FaultSettingsPatch } from './fault-settings.js';
import {
  FAULT_INJECTION_OPTIONS,
  type ResolvedFaultInjectionOptions,
} from './fault-injection.options.js';

/**
 * `GET|PUT|DELETE /admin/faults`: read, merge into, or clear the faults of this process. Only the
 * gateway may call it (it checks the admin's token); when `FAULT_INJECTION` is off the route
 * answers 404 as if it did not exist.
 */
@Controller('admin/faults')
export class FaultSettingsController {
  private readonly patchPipe: ZodValidationPipe<z.ZodType>;

  constructor(
    @Inject(FaultSettings) private readonly settings: FaultSettings,
    @Inject(FAULT_INJECTION_OPTIONS) private readonly options: ResolvedFaultInjectionOptions,
  ) {
    this.patchPipe = new ZodValidationPipe(options.patchSchema);
  }

  @Get()
  show(@CallerService() caller: ServiceName | undefined): object {
    this.admit(caller);
    return this.settings.current();
  }

  /** Merges the body in: `{ "key": value }` sets a fault, `{ "key": null }` clears it. */
  @Put()
  change(@CallerService() caller: ServiceName | undefined, @Body() body: unknown): object {
    this.admit(caller);
    const patch = this.patchPipe.transform(body, { type: 'body' }) as FaultSettingsPatch<
      Record<string, unknown>
    >;
    return this.settings.merge(patch, caller as ServiceName);
  }

  /** Clears every fault; answers the settings now in effect (none), like GET and PUT. */
  @Delete()
  reset(@CallerService() caller: ServiceName | undefined): object {
    this.admit(caller);
    this.settings.reset(caller as ServiceName);
    return this.settings.current();
  }

  private admit(caller: ServiceName | undefined): void {
    if (!this.settings.enabled) {
      throw new DomainError(
        'FAULT_INJECTION.DISABLED',
        'not-found',
        'Fault injection is off in this service (FAULT_INJECTION=off).',
      );
    }
    if (!caller || !this.options.callers.includes(caller)) {
      throw new ProblemException({
        status: HttpStatus.FORBIDDEN,
        title: 'Forbidden',
        detail: `Fault settings accept calls from ${this.options.callers.join(', ')} only.`,
        code: 'AUTH.CALLER_NOT_ALLOWED',
      });
    }
  }
}
