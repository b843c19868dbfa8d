/** What a signed-in user may do: shop as a customer, or run the shop as an admin. */
export type Role = 'customer' | 'admin';

export const ROLES: readonly Role[] = ['customer', 'admin'];
