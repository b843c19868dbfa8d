import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { LatencySummary } from './latency-summary.js';
import type { RatioSummary } from './interleave.js';

const ms = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(2));

/** One arm's round as a table row. */
export function latencyRow(label: string, summary: LatencySummary, extra = ''): string {
  return `| ${label} | ${summary.count} | ${ms(summary.p50)} | ${ms(summary.p90)} | ${ms(summary.p99)} | ${ms(summary.p999)} | ${ms(summary.max)} | ${extra} |`;
}

export const LATENCY_HEADER = [
  '| run | samples | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | notes |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
];

export function ratioLine(name: string, ratio: RatioSummary, target: string): string {
  return `${name}: median ${ratio.median.toFixed(3)} (min ${ratio.min.toFixed(3)}, max ${ratio.max.toFixed(3)}); target ${target}`;
}

/** Where and when: ratios only mean something next to the machine they came from. */
export function machineLine(): string {
  return `${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}`;
}

/** Prints the report and keeps a JSON copy under bench/results/. */
export function publish(name: string, lines: string[], data: unknown): void {
  console.log(lines.join('\n'));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${name}.json`, JSON.stringify(data, null, 2));
}
