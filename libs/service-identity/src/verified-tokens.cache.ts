import type { VerifiedCaller } from './verified-caller.js';

/**
 * Tokens whose signature and claims were already checked, by their exact text, until they expire.
 * Callers reuse one token for about a minute, so a callee verifies each signature once instead of
 * on every request. Safe because a token's text cannot change without breaking its signature.
 * Bounded: when full it starts over, which costs one verification per live token.
 */
export class VerifiedTokensCache {
  private readonly entries = new Map<string, VerifiedCaller>();

  constructor(private readonly maxEntries = 10_000) {}

  get(token: string, now: number): VerifiedCaller | undefined {
    const caller = this.entries.get(token);
    if (caller === undefined) return undefined;
    if (now < caller.validUntil) return caller;
    this.entries.delete(token);
    return undefined;
  }

  remember(token: string, caller: VerifiedCaller): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(token, caller);
  }
}
