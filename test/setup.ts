import nock from "nock";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { destroyKeptDatabases } from "./support/kept";

beforeAll(() => {
  // Loopback stays open: the sandbox servers and the Slack stand-in are real local HTTP.
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
});

afterEach(() => {
  nock.cleanAll();
});

// Files in one worker share modules (isolate: false): a file's spies (console/surface-coverage
// wraps App.prototype) and fake clock end with it.
afterAll(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

// Registered before the file's own hooks, so run after its afterAll hooks (run in reverse) have
// given their databases back.
afterAll(destroyKeptDatabases);
