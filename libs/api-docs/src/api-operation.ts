import type { z } from 'zod';

/** A schema with the name it has under `components.schemas` in the document. */
export interface NamedSchema {
  name: string;
  schema: z.ZodType;
}

/** One success response: what it means, and the contract its body satisfies. */
export interface ResponseSpec {
  description: string;
  schema?: NamedSchema;
  example?: unknown;
}

/**
 * One route as the API docs show it. Request and response schemas are the zod contracts the
 * routes validate with, so the docs cannot drift from the code unnoticed. `Access` names who may
 * call it (the gateway: `public`, `customer`, `admin`; a service: `service`); the document's
 * options say what each kind requires.
 */
export interface ApiOperation<Access extends string = string> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style: `/products/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  pathParameters?: Record<string, { schema: z.ZodType; description: string }>;
  query?: z.ZodObject;
  headers?: { name: string; required: boolean; schema: z.ZodType; description: string }[];
  body?: { schema: NamedSchema; example?: unknown };
  /** Success responses by status; the problem responses are added from `errors`. */
  responses: Record<number, ResponseSpec>;
  /** Error statuses this operation can answer, besides the document's common ones. */
  errors: number[];
}
