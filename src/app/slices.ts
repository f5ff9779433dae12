import { setImmediate as nextTurn } from "node:timers/promises";

/**
 * How long work in slices holds the event loop before it lets other callbacks run: Slack wants
 * an ack within 3 s, and a health check or another workspace's command should not wait behind
 * a large match at all.
 */
const SLICE_MS = 20;

/**
 * Runs work that pauses (yields) every few milliseconds, giving the event loop a turn whenever
 * a slice has run SLICE_MS; resolves to the work's return value.
 */
export async function runInSlices<T>(work: Generator<void, T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}
