import nock from "nock";
import { afterEach, beforeAll } from "vitest";

beforeAll(() => {
  // Loopback stays open: the sandbox servers and the Slack stand-in are real local HTTP.
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
});

afterEach(() => {
  nock.cleanAll();
});
