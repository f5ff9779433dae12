import { describe, expect, it } from "vitest";
import type { HomeSummary } from "../../src/app/home";
import type { Job } from "../../src/jobs/types";
import { homeView } from "../../src/slack/presenters/home";
import { mention } from "../../src/app/mention";

const textOf = (blocks: unknown[]) => JSON.stringify(blocks);

function job(changes: Partial<Job>): Job {
  const at = new Date("2026-12-01T09:30:00Z");
  return {
    id: "j1",
    workspaceId: "w",
    kind: "caregiver-sync",
    status: "running",
    actorSlackId: "U1",
    approvedBy: null,
    params: {},
    idempotencyKey: null,
    total: 200,
    processed: 120,
    failed: 3,
    summary: null,
    channelId: null,
    messageTs: null,
    threadTs: null,
    error: null,
    leaseUntil: null,
    createdAt: at,
    startedAt: at,
    finishedAt: null,
    updatedAt: at,
    ...changes,
  };
}

const base: HomeSummary = {
  principal: { role: "admin", source: "config" },
  officeName: undefined,
  recentJobs: [],
  sandboxVendors: [],
  askAdmin: undefined,
  linkSuggestions: undefined,
  recentChanges: [],
};

describe("App Home", () => {
  it("shows an admin's recent jobs with their progress and failures", () => {
    const view = homeView({
      ...base,
      recentJobs: [job({}), job({ id: "j2", status: "done", processed: 200, total: 200, failed: 0 })],
    });
    const text = textOf(view.blocks);
    expect(text).toContain("You are an *admin*");
    expect(text).toContain("running — 120 of 200, 3 failed");
    expect(text).toContain("done — 200 of 200 ·");
    expect(text).not.toContain("None yet.");
  });

  it("tells someone without access who to ask, and shows them no jobs", () => {
    const view = homeView({ ...base, principal: { role: "unknown" }, askAdmin: `an admin (${mention("U0ADMIN")})` });
    const text = textOf(view.blocks);
    expect(text).toContain("Ask an admin (<@U0ADMIN>) to run `/carebridge access grant`");
    expect(text).not.toContain("Recent jobs");
  });
});
