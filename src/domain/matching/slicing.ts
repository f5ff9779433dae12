/**
 * How much of a run comes between two of its pauses when it runs in slices (resolvingIdentities):
 * each about 10–30 ms at 100,000 a side on a slow machine, so that a server running it in
 * slices answers other requests meanwhile.
 */
export const SLICE = {
  /** Records prepared, keyed or looked up by their exact key. */
  records: 1_000,
  /** Motivity records whose candidate pairs are scored. */
  scored: 200,
  /** Records whose suggestions are put in words. */
  worded: 500,
} as const;

/** Whether the i-th item of a loop starts a new slice. */
export const startsSlice = (i: number, perSlice: number) => i > 0 && i % perSlice === 0;
