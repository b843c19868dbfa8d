import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

const COLOURS = [36, 35, 33, 32, 34, 91, 96];
const LEVEL_COLOURS: Record<string, number> = { error: 31, fatal: 31, warn: 33, debug: 90 };
const SHOWN_FIELDS = ['context', 'route', 'durationMs', 'requestId', 'err'];

/** Paint `text` with an ANSI colour, unless output is not a terminal or NO_COLOR is set. */
function paint(text: string, colour: number): string {
  if (!process.stdout.isTTY || process.env.NO_COLOR) return text;
  return `\u001b[${colour}m${text}\u001b[0m`;
}

/** A fixed colour per name, so each app's lines are easy to follow. */
export function colourFor(index: number): number {
  return COLOURS[index % COLOURS.length] ?? 37;
}

/** Renders a JSON log line compactly for a human; anything else passes through untouched. */
export function prettyLine(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    const level = String(entry.level ?? 'info');
    const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
    const extras = SHOWN_FIELDS.filter((field) => entry[field] !== undefined)
      .map((field) => `${field}=${JSON.stringify(entry[field])}`)
      .join(' ');
    const head = paint(level.padEnd(5), LEVEL_COLOURS[level] ?? 32);
    return `${time} ${head} ${String(entry.message ?? entry.msg ?? '')} ${paint(extras, 90)}`.trimEnd();
  } catch {
    return line;
  }
}

/** Writes one line to our output, prefixed with the name of the process it came from. */
export function writePrefixed(
  line: string,
  name: string,
  colour: number,
  format: 'pretty' | 'json' = 'pretty',
): void {
  const prefix = paint(`${name.padEnd(14)}|`, colour);
  process.stdout.write(`${prefix} ${format === 'pretty' ? prettyLine(line) : line}\n`);
}

/** Copies a child's output to ours line by line, each line prefixed with the child's name. */
export function prefixLines(
  stream: Readable,
  name: string,
  colour: number,
  format: 'pretty' | 'json',
): void {
  createInterface({ input: stream }).on('line', (line) =>
    writePrefixed(line, name, colour, format),
  );
}
