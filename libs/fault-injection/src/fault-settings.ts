import { Logger } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { Gauge } from 'prom-client';
import type { FaultActiveLabel } from './fault-injection.metrics.js';
import { type FaultTrigger, pullTrigger, type RandomSource } from './fault-trigger.js';

/** A service's fault settings: every key optional, absent meaning "behave normally". */
export type FaultSettingsShape = Record<string, unknown>;

/** A change to the settings: a value sets that fault, `null` clears it, an absent key keeps it. */
export type FaultSettingsPatch<Settings extends FaultSettingsShape> = {
  [Key in keyof Settings]?: Settings[Key] | null;
};

/** The keys of `Settings` whose value is a {@link FaultTrigger} (they can be pulled). */
export type TriggerKey<Settings extends FaultSettingsShape> = {
  [Key in keyof Settings]-?: NonNullable<Settings[Key]> extends FaultTrigger ? Key : never;
}[keyof Settings];

type ModeOf<Value> = NonNullable<Value> extends FaultTrigger<infer Mode> ? Mode : never;

export interface FaultSettingsOptions {
  /** False when `FAULT_INJECTION` is off: the settings stay empty and nothing fires. */
  enabled: boolean;
  /** Every top-level key of the schema, so the gauge shows 0 for faults never set. */
  faults: readonly string[];
  gauge: Gauge<FaultActiveLabel>;
  random?: RandomSource;
}

/**
 * The faults currently switched on in this process. Feature code injects it and asks, at the
 * point where the fault belongs, `settings.pull('reserveStock')` (a trigger: decides and consumes)
 * or `settings.current().latencyMs` (a plain value). The admin endpoint changes it.
 *
 * Settings live in memory, per process: a restart clears them, and each replica has its own
 * (scenarios run one replica per service).
 */
export class FaultSettings<Settings extends FaultSettingsShape = FaultSettingsShape> {
  private readonly logger = new Logger('FaultInjection');
  private readonly random: RandomSource;
  private settings: Partial<Settings> = {};

  constructor(private readonly options: FaultSettingsOptions) {
    this.random = options.random ?? Math.random;
    this.publishGauge();
  }

  /** Whether faults can be injected at all (`FAULT_INJECTION=on`). */
  get enabled(): boolean {
    return this.options.enabled;
  }

  /** The active settings; empty when nothing is injected. */
  current(): Readonly<Partial<Settings>> {
    return this.settings;
  }

  /**
   * Decides whether this call gets the fault `key` describes and, when its trigger counts down
   * (`next`), consumes one. Returns the mode to inject or undefined. Synchronous on purpose: no
   * other call can interleave between the decision and the countdown.
   */
  pull<Key extends TriggerKey<Settings>>(key: Key): ModeOf<Settings[Key]> | undefined {
    const trigger = this.settings[key] as FaultTrigger<ModeOf<Settings[Key]>> | undefined;
    if (!this.options.enabled || !trigger) return undefined;
    const { fault, remaining } = pullTrigger(trigger, this.random);
    if (fault !== undefined) {
      trace
        .getActiveSpan()
        ?.addEvent('fault_injected', { 'fault.name': String(key), 'fault.mode': fault });
      this.logger.warn(`injecting fault ${String(key)}=${fault}`);
    }
    if (remaining !== trigger) this.replace(key, remaining as Settings[Key] | undefined);
    return fault;
  }

  /** Merges a change in (see {@link FaultSettingsPatch}); `by` names who asked, for the log. */
  merge(patch: FaultSettingsPatch<Settings>, by: string): Readonly<Partial<Settings>> {
    const next: Partial<Settings> = { ...this.settings };
    for (const [key, value] of Object.entries(patch) as [keyof Settings, unknown][]) {
      if (value === null) delete next[key];
      else if (value !== undefined) next[key] = value as Settings[keyof Settings];
    }
    this.settings = next;
    this.logger.warn(`fault settings changed by ${by}: ${JSON.stringify(patch)}`);
    this.publishGauge();
    return this.settings;
  }

  /** Clears every fault. */
  reset(by: string): void {
    this.settings = {};
    this.logger.warn(`fault settings reset by ${by}`);
    this.publishGauge();
  }

  private replace(key: keyof Settings, value: Settings[keyof Settings] | undefined): void {
    const next: Partial<Settings> = { ...this.settings };
    if (value === undefined) {
      delete next[key];
      this.logger.warn(`fault ${String(key)} used up: cleared`);
    } else next[key] = value;
    this.settings = next;
    this.publishGauge();
  }

  private publishGauge(): void {
    for (const fault of this.options.faults) {
      this.options.gauge.set({ fault }, isActive(this.settings[fault]) ? 1 : 0);
    }
  }
}

// `false`, 0 and absent all mean "this fault is not injected" (e.g. `{ "hang": false }`).
const isActive = (value: unknown): boolean =>
  value !== undefined && value !== null && value !== false && value !== 0;
