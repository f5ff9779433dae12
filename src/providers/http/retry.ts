export interface BackoffOptions {
  /** First retry waits up to this long; each further retry doubles the ceiling. */
  baseMs: number;
  /** No single wait exceeds this. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 250, capMs: 8_000 };

/**
 * "Full jitter" exponential backoff: a uniform wait in [0, min(cap, base·2^attempt)). Spreads
 * the retries of many clients instead of having them hit a recovering vendor in lockstep.
 */
export function fullJitterDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * Reads a Retry-After header (RFC 9110 §10.2.3): a number of seconds or an HTTP-date.
 * Returns milliseconds from `now`, never negative; undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
