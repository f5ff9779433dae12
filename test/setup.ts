import nock from "nock";
import { afterAll, afterEach, beforeAll } from "vitest";
import { destroyKeptDatabases } from "./support/kept";

beforeAll(() => {
  // Loopback stays open: the sandbox servers and the Slack stand-in are real local HTTP.
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
});

afterEach(() => {
  nock.cleanAll();
});

// Registered before the file's own hooks, so run after its afterAll hooks (run in reverse) have
// given their databases back.
afterAll(destroyKeptDatabases);
