import { ProviderError } from "../providers/http/errors";

/**
 * The sentence a user reads for an error a use-case did not turn into a problem itself.
 * Provider errors already speak in words and name the vendor; anything else is a bug, and
 * the user gets no stack trace, only what to do.
 */
export function describeError(error: unknown): string {
  if (error instanceof ProviderError) return error.message;
  return "Something went wrong inside carebridge; it has been logged. Try again, and tell your admin if it keeps happening.";
}
