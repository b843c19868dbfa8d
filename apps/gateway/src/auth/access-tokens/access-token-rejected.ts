/** An access token that proves nothing: why, for the 401 the caller gets. */
export class AccessTokenRejected extends Error {
  override name = 'AccessTokenRejected';

  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'the access token has expired' : 'the access token is not valid');
  }
}
