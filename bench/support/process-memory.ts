import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  pid: number;
  command: string;
  rssMb: number;
  /** Proportional set size: shared pages split between their users, so the sum is honest. */
  pssMb: number;
}

function kilobytes(file: string, field: string): number {
  const match = readFileSync(file, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) : 0;
}

function children(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Every process descended from `root` (this benchmark's stack), with its memory. */
export function descendantsMemory(root: number = process.pid): ProcessMemory[] {
  const pids: number[] = [];
  const queue = children(root);
  while (queue.length > 0) {
    const pid = queue.shift()!;
    pids.push(pid);
    queue.push(...children(pid));
  }
  return pids.flatMap((pid) => {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      return [
        {
          pid,
          command,
          rssMb: kilobytes(`/proc/${pid}/status`, 'VmRSS') / 1024,
          pssMb: kilobytes(`/proc/${pid}/smaps_rollup`, 'Pss') / 1024,
        },
      ];
    } catch {
      return []; // exited meanwhile
    }
  });
}

/** Groups processes into the parts PERFORMANCE.md P10 names: each app, PostgreSQL, Kafka. */
export function memoryByPart(
  processes: ProcessMemory[],
): Map<string, { rssMb: number; pssMb: number }> {
  const parts = new Map<string, { rssMb: number; pssMb: number }>();
  for (const p of processes) {
    const app = p.command.match(/dist\/apps\/([a-z]+)\//)?.[1];
    const part =
      app ??
      (/kafka\.Kafka/.test(p.command)
        ? 'kafka'
        : /postgres/.test(p.command)
          ? 'postgres'
          : undefined);
    if (!part) continue;
    const sum = parts.get(part) ?? { rssMb: 0, pssMb: 0 };
    sum.rssMb += p.rssMb;
    sum.pssMb += p.pssMb;
    parts.set(part, sum);
  }
  return parts;
}
