/**
 * Splits a child's output chunks into lines, forwards each to `log`, and keeps the last few so a
 * start-up failure can say what the server printed before it died.
 */
export class LineForwarder {
  private readonly recent: string[] = [];
  private partial = '';

  constructor(
    private readonly log: (line: string) => void,
    private readonly keep = 30,
  ) {}

  write(chunk: string | Buffer): void {
    const lines = (this.partial + chunk.toString()).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.emit(line);
  }

  /** Forwards a trailing line that had no newline yet. */
  flush(): void {
    this.emit(this.partial);
    this.partial = '';
  }

  recentLines(): string {
    return this.recent.join('\n');
  }

  private emit(line: string): void {
    const trimmed = line.trimEnd();
    if (trimmed === '') return;
    this.log(trimmed);
    this.recent.push(trimmed);
    if (this.recent.length > this.keep) this.recent.shift();
  }
}
