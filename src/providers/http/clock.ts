/**
 * Time as the HTTP core sees it. The default reads the global timers at call time, so
 * vitest fake timers (setTimeout, Date) drive every wait in tests.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
