import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module.js';
import { featureEnabledProvider } from './feature-enabled.metric.js';
import { FeatureSwitches } from './feature-switches.js';
import { FeaturesController } from './features.controller.js';

/** Kill switches of optional features, read by the features themselves (hence global). */
@Global()
@Module({
  imports: [AuthModule],
  controllers: [FeaturesController],
  providers: [FeatureSwitches, featureEnabledProvider],
  exports: [FeatureSwitches],
})
export class FeaturesModule {}
