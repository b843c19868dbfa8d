export { ZodValidationPipe } from './zod-validation.pipe.js';
