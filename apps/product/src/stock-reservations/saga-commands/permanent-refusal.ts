import { DomainError } from '#libs/domain-errors';
import { PermanentEventError } from '#libs/messaging';

/**
 * Runs a step of a saga command. A domain refusal (a commit for a released reservation, say) means
 * the orchestrator asked for something that can never happen: retrying cannot help, so the command
 * goes to the dead-letter topic at once, where an operator sees it, and the saga's own deadline
 * takes over. Anything else (the database away) is transient and left to the consumer's retries.
 */
export async function refusingPermanently<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof DomainError) {
      throw new PermanentEventError(`${error.code}: ${error.message}`);
    }
    throw error;
  }
}
