import type { z } from 'zod';

/** A schema with the name it has under `components.schemas` in the document. */
export interface NamedSchema {
  name: string;
  schema: z.ZodType;
}

/** Who may call an operation: anyone, a signed-in customer, or an admin. */
export type Access = 'public' | 'customer' | 'admin';

export interface ResponseSpec {
  description: string;
  schema?: NamedSchema;
  example?: unknown;
}

/**
 * One public route as the API docs show it. Request and response schemas are the zod contracts
 * the services and the gateway validate with, so the docs cannot drift from the code unnoticed.
 */
export interface PublicOperation {
  method: 'get' | 'post' | 'put' | 'patch';
  /** OpenAPI style: `/api/products/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  pathParameters?: Record<string, { schema: z.ZodType; description: string }>;
  query?: z.ZodObject;
  headers?: { name: string; required: boolean; schema: z.ZodType; description: string }[];
  body?: { schema: NamedSchema; example: unknown };
  /** Success responses by status; the usual errors are added from `errors`. */
  responses: Record<number, ResponseSpec>;
  /** Error statuses this operation can answer, besides 429 (every /api route). */
  errors: number[];
}
