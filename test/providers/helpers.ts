import { performance } from "node:perf_hooks";
import { pino } from "pino";
import type { vi } from "vitest";
import type { Logger } from "../../src/logger";

/**
 * Fakes only the timers the HTTP core waits on (setTimeout, Date); setImmediate and the event
 * loop stay real, so nock and sockets keep working while time stands still.
 */
export const FAKE_TIMERS: Parameters<typeof vi.useFakeTimers>[0] = { toFake: ["setTimeout", "clearTimeout", "Date"] };

/** Lets pending I/O run (real event-loop turns) without moving fake time. */
export async function flushIo(turns = 50): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** Waits, in real time and without moving fake time, until `condition` holds. */
export async function until(condition: () => boolean, what: string, limitMs = 3_000): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A debug-level logger whose lines the test can read. */
export function captureLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => lines.push(line) });
  return { logger, lines };
}
