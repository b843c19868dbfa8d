/**
 * Thrown by a handler when retrying cannot help (the event refers to something that will never
 * exist, say). The event goes to the dead-letter topic at once instead of after every retry.
 */
export class PermanentEventError extends Error {
  override name = 'PermanentEventError';
}
