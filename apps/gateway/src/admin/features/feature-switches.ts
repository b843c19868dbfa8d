import { Inject, Injectable, Logger } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Gauge } from 'prom-client';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import type { GatewayConfig } from '../../gateway.config.js';
import { type Feature, FEATURES } from './feature.js';
import { FEATURE_ENABLED } from './feature-enabled.metric.js';

/**
 * Kill switches, read on every request and flipped by an admin without a restart. Each gateway
 * instance holds its own, starting from its environment (`FEATURE_RECOMMENDATIONS`): see
 * docs/adr/0008-kill-switch-per-gateway-instance.md for why they are not shared.
 */
@Injectable()
export class FeatureSwitches {
  private readonly logger = new Logger('FeatureSwitches');
  private readonly enabled = new Map<Feature, boolean>();

  constructor(
    @Inject(SERVICE_CONFIG) config: GatewayConfig,
    @InjectMetric(FEATURE_ENABLED) private readonly gauge: Gauge,
  ) {
    const atBoot: Record<Feature, boolean> = {
      recommendations: config.FEATURE_RECOMMENDATIONS === 'on',
    };
    for (const feature of FEATURES) this.show(feature, atBoot[feature]);
  }

  isEnabled(feature: Feature): boolean {
    return this.enabled.get(feature) ?? true;
  }

  /** Turns a feature on or off; `by` names who did, for the log. */
  set(feature: Feature, enabled: boolean, by: string): void {
    if (this.isEnabled(feature) === enabled) return;
    this.show(feature, enabled);
    this.logger.warn(
      { feature, enabled, by },
      `feature ${feature} switched ${enabled ? 'on' : 'off'} by ${by}`,
    );
    trace.getActiveSpan()?.addEvent('feature.switched', { feature, enabled, by });
  }

  private show(feature: Feature, enabled: boolean): void {
    this.enabled.set(feature, enabled);
    this.gauge.set({ feature }, enabled ? 1 : 0);
  }
}
