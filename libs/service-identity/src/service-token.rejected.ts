/** Why a service token was refused, in words a log reader and the caller's developer understand. */
export type ServiceTokenRejection =
  | 'missing'
  | 'malformed'
  | 'unknown-key'
  | 'bad-signature'
  | 'expired'
  | 'too-old'
  | 'wrong-audience'
  | 'wrong-issuer';

/** A call whose service token does not prove who is calling. */
export class ServiceTokenRejected extends Error {
  override name = 'ServiceTokenRejected';

  constructor(
    readonly reason: ServiceTokenRejection,
    detail?: string,
  ) {
    super(detail ? `service token ${reason}: ${detail}` : `service token ${reason}`);
  }
}
