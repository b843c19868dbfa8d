import type { ApiOperation } from '#libs/api-docs';

export type { NamedSchema } from '#libs/api-docs';

/** Who may call a public route: anyone, a signed-in customer, or an admin. */
export type Access = 'public' | 'customer' | 'admin';

/** One public route of the gateway as the API docs show it. */
export type PublicOperation = ApiOperation<Access>;
