import { open } from 'node:fs/promises';

const PROBLEM = /^\[[^\]]+\] (WARN|ERROR|FATAL) /;

/**
 * What to show when the broker failed to start: its last warnings and errors from the broker log
 * (the INFO lines around them are mostly shutdown noise), else the log's last lines, plus what the
 * JVM printed when the log holds nothing (e.g. it failed before logging started). Only the part of
 * the log written since `fromByte` (its size when this start began) is considered.
 */
export async function brokerFailureDetails(
  brokerLog: string,
  fromByte: number,
  consoleOutput: string,
): Promise<string> {
  const written = await readFrom(brokerLog, fromByte);
  const problems = written
    .split('\n')
    .filter((line) => PROBLEM.test(line))
    .slice(-12);
  if (problems.length > 0) {
    return `Last warnings and errors in ${brokerLog}:\n${problems.join('\n')}`;
  }
  const lastLines = written.split('\n').slice(-15).join('\n') || '(nothing)';
  const printed = consoleOutput ? `\nJVM output:\n${consoleOutput}` : '';
  return `Last lines of ${brokerLog}:\n${lastLines}${printed}`;
}

async function readFrom(path: string, fromByte: number): Promise<string> {
  try {
    const file = await open(path);
    try {
      const { size } = await file.stat();
      // A smaller file was rolled over meanwhile: read the new one whole.
      const start = size >= fromByte ? fromByte : 0;
      const buffer = Buffer.alloc(size - start);
      await file.read(buffer, 0, buffer.length, start);
      return buffer.toString('utf8').trimEnd();
    } finally {
      await file.close();
    }
  } catch {
    return '';
  }
}
