import type { ServiceName } from '#libs/contracts';

/** The service a verified token proves is calling. */
export interface VerifiedCaller {
  service: ServiceName;
  /** The key it signed with (useful while rotating). */
  keyId: string;
  /** Milliseconds since the epoch after which the token no longer proves anything. */
  validUntil: number;
}
