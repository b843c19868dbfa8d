import { loginRequestSchema, loginResponseSchema } from '#libs/contracts';
import type { PublicOperation } from '../public-operation.js';

export const authOperations: PublicOperation[] = [
  {
    method: 'post',
    path: '/api/auth/login',
    tag: 'Auth',
    summary: 'Sign in',
    description:
      "Exchanges a demo account's credentials for a short-lived access token, sent as " +
      '`Authorization: Bearer <accessToken>`. Demo accounts: alice@example.com and ' +
      'bob@example.com (customers), admin@example.com (admin); the password is `DEMO_PASSWORD`.',
    access: 'public',
    body: {
      schema: { name: 'LoginRequest', schema: loginRequestSchema },
      example: { email: 'alice@example.com', password: 'microshop-demo' },
    },
    responses: {
      200: {
        description: 'Signed in.',
        schema: { name: 'LoginResponse', schema: loginResponseSchema },
        example: {
          accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCJ9.…',
          tokenType: 'Bearer',
          expiresIn: 900,
        },
      },
    },
    errors: [400, 401],
  },
];
