import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { appendFileSync } from 'node:fs';
import { spanRecordOf } from './span-record.js';

/**
 * Appends each finished span to a file as one JSON line (a `SpanRecord`). Synchronous on
 * purpose: a span is on disk when it ends, so a test can read a trace from several processes
 * without waiting for a batch, and nothing is lost when a process is killed. Too slow for
 * production traffic; that is what OTLP is for.
 */
export class SpansFileExporter implements SpanExporter {
  constructor(private readonly path: string) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    try {
      const lines = spans.map((span) => `${JSON.stringify(spanRecordOf(span))}\n`).join('');
      appendFileSync(this.path, lines);
      done({ code: ExportResultCode.SUCCESS });
    } catch (error) {
      done({ code: ExportResultCode.FAILED, error: error as Error });
    }
  }

  async shutdown(): Promise<void> {}
}
