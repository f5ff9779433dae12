import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventLog } from "../../src/app/slack-events";
import type { Database } from "../../src/db/client";
import { dedupeEvents } from "../../src/slack/middleware/dedupe-events";
import { testDatabase } from "../support/db";

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db.close();
});

/** Runs one delivery of an event through the middleware; `work` plays the listeners. */
function deliver(middleware: ReturnType<typeof dedupeEvents>, eventId: string, work: () => Promise<void>) {
  return (middleware as (args: unknown) => Promise<void>)({ body: { event_id: eventId }, next: work });
}

describe("event dedupe", () => {
  it("does the work of a delivery once, however often Slack sends it", async () => {
    const middleware = dedupeEvents(createEventLog(db.prisma, () => new Date()));
    let runs = 0;
    const work = async () => void (runs += 1);
    await deliver(middleware, "Ev0ONCE", work);
    await deliver(middleware, "Ev0ONCE", work);
    expect(runs).toBe(1);
  });

  it("lets a later delivery do the work when the first one failed", async () => {
    const middleware = dedupeEvents(createEventLog(db.prisma, () => new Date()));
    await expect(
      deliver(middleware, "Ev0FAIL", async () => {
        throw new Error("vendor down");
      }),
    ).rejects.toThrow("vendor down");
    let runs = 0;
    await deliver(middleware, "Ev0FAIL", async () => void (runs += 1));
    expect(runs).toBe(1);
  });
});
