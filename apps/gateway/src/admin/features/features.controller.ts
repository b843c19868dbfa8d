import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { type FeatureSwitch, featureSwitchSchema } from '#libs/contracts';
import { DomainError } from '#libs/domain-errors';
import { ZodValidationPipe } from '#libs/validation';
import type { AuthenticatedUser } from '../../auth/access-tokens/authenticated-user.js';
import { CurrentUser } from '../../auth/authentication/current-user.decorator.js';
import { RequireRole } from '../../auth/authentication/require-role.decorator.js';
import { type Feature, FEATURES, isFeature } from './feature.js';
import { FeatureSwitches } from './feature-switches.js';

/**
 * `GET|PUT /api/admin/features/:feature` `{ "enabled": bool }`: the kill switches of optional
 * features, for admins. A change applies to the next request, in the instance that received it.
 */
@Controller('api/admin/features')
@RequireRole('admin')
export class FeaturesController {
  constructor(private readonly switches: FeatureSwitches) {}

  @Get(':feature')
  show(@Param('feature') name: string): FeatureSwitch {
    return { enabled: this.switches.isEnabled(featureNamed(name)) };
  }

  @Put(':feature')
  change(
    @Param('feature') name: string,
    @Body(new ZodValidationPipe(featureSwitchSchema)) body: FeatureSwitch,
    @CurrentUser() admin: AuthenticatedUser | undefined,
  ): FeatureSwitch {
    const feature = featureNamed(name);
    this.switches.set(feature, body.enabled, admin?.userId ?? 'an admin');
    return { enabled: this.switches.isEnabled(feature) };
  }
}

function featureNamed(name: string): Feature {
  if (isFeature(name)) return name;
  throw new DomainError(
    'FEATURES.UNKNOWN_FEATURE',
    'not-found',
    `No feature named ${JSON.stringify(name)} can be switched: use one of ${FEATURES.join(', ')}.`,
  );
}
