import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '#libs/problem-details';

// `.` or `..` as a path segment, also percent-encoded: a service might resolve it and reach a
// route the gateway never meant to expose.
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|\?|$)/i;

/**
 * The service's own path for a public URL: the public prefix goes, the rest (query included) is
 * kept byte for byte. `/api/products/42?x=1` with prefix `/api` → `/products/42?x=1`.
 */
export function servicePathOf(publicUrl: string, publicPrefix: string): string {
  if (!publicUrl.startsWith(`${publicPrefix}/`)) {
    throw new Error(`${publicUrl} is not under ${publicPrefix}`);
  }
  const path = publicUrl.slice(publicPrefix.length);
  if (DOT_SEGMENT.test(path.split('?', 1)[0] ?? '')) {
    throw new ProblemException({
      status: HttpStatus.BAD_REQUEST,
      title: 'Bad Request',
      detail: 'Paths may not contain . or .. segments.',
      code: 'REQUEST.INVALID_PATH',
    });
  }
  return path;
}
