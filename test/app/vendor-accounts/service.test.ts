import { randomBytes } from "node:crypto";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccessService } from "../../../src/app/access/service";
import { createAudit } from "../../../src/app/audit";
import { createVendorAccounts } from "../../../src/app/vendor-accounts";
import { createProbe } from "../../../src/app/vendor-accounts/probe";
import { loadConfig } from "../../../src/config";
import type { Database } from "../../../src/db/client";
import { createLogger } from "../../../src/logger";
import { testDatabase } from "../../support/db";

const KEY = "tt-live-key-9f3c2b7a41d8";
const ADMIN = { workspaceId: "T0VEND1", userId: "U0ADMIN" };
const VIEWER = { workspaceId: "T0VEND1", userId: "U0NOBODY" };

describe("per-workspace vendor accounts", () => {
  let db: Database;
  const lines: string[] = [];
  const changed: string[] = [];
  let accounts: ReturnType<typeof createVendorAccounts>;

  beforeAll(async () => {
    db = await testDatabase();
    await db.prisma.workspace.create({ data: { id: ADMIN.workspaceId } });
    const audit = createAudit(db.prisma);
    const config = {
      ...loadConfig({
        CAREBRIDGE_ADMINS: ADMIN.userId,
        TELETRACK_BASE_URL: "https://env.teletrack.example",
        TELETRACK_API_KEY: "env-key-000011112222",
      }),
      encryption: { key: randomBytes(32), previous: undefined },
    };
    const logger = createLogger({
      level: "trace",
      pretty: false,
      destination: { write: (line) => void lines.push(line) },
    });
    accounts = createVendorAccounts({
      prisma: db.prisma,
      access: createAccessService({
        prisma: db.prisma,
        configAdmins: config.admins,
        audit,
        offices: { listOffices: async () => [] },
      }),
      audit,
      config,
      probe: createProbe(logger, 2000),
      onChange: (workspaceId) => changed.push(workspaceId),
    });
  });
  afterAll(async () => {
    await db.close();
  });

  it("lists the environment's defaults with the key masked, to admins only", async () => {
    const listed = await accounts.list(ADMIN);
    if (!listed.ok) throw new Error("refused");
    expect(listed.accounts.find((a) => a.vendor === "teletrack")).toMatchObject({
      source: "environment",
      baseUrl: "https://env.teletrack.example",
      maskedKey: "…2222",
    });
    expect(listed.accounts.find((a) => a.vendor === "cacwt")).toMatchObject({
      source: "environment",
      maskedKey: undefined,
    });
    expect((await accounts.list(VIEWER)).ok).toBe(false);
  });

  it("refuses a bad URL and an empty key on their fields, without calling the vendor", async () => {
    const result = await accounts.save(ADMIN, { vendor: "teletrack", baseUrl: "not a url", apiKey: " " });
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: "baseUrl", message: expect.stringMatching(/URL/) },
        { field: "apiKey", message: "The API key is required." },
      ],
    });
  });

  it("shows the vendor's answer on the key field when the test call fails, and stores nothing", async () => {
    const scope = nock("https://tt.example", { reqheaders: { authorization: `Bearer ${KEY}` } })
      .get("/v1/caregivers")
      .query({ limit: 1 })
      .reply(401, { error: { code: "key_revoked", message: "This key was revoked by its owner." } });
    const result = await accounts.save(ADMIN, { vendor: "teletrack", baseUrl: "https://tt.example/", apiKey: KEY });
    expect(scope.isDone()).toBe(true);
    if (result.ok) throw new Error("saved");
    expect(result.problems[0]?.field).toBe("apiKey");
    expect(result.problems[0]?.message).toMatch(
      /The vendor said: HTTP 401 · key_revoked · This key was revoked by its owner\./,
    );
    expect(await db.prisma.vendorAccount.count()).toBe(0);
  });

  it("saves the account sealed after a successful test call: the key is in no row, audit or log line", async () => {
    nock("https://tt.example", { reqheaders: { authorization: `Bearer ${KEY}` } })
      .get("/v1/caregivers")
      .query({ limit: 1 })
      .reply(200, { data: [], nextCursor: null });
    const result = await accounts.save(ADMIN, { vendor: "teletrack", baseUrl: "https://tt.example/", apiKey: KEY });
    expect(result).toMatchObject({
      ok: true,
      account: { source: "workspace", baseUrl: "https://tt.example", maskedKey: "…41d8" },
    });
    expect(changed).toEqual([ADMIN.workspaceId]);

    const row = await db.prisma.vendorAccount.findUniqueOrThrow({
      where: { workspaceId_vendor: { workspaceId: ADMIN.workspaceId, vendor: "teletrack" } },
    });
    expect(JSON.stringify(row)).not.toContain(KEY);
    expect(await accounts.open(ADMIN.workspaceId)).toEqual([
      { vendor: "teletrack", protocol: "vendor", baseUrl: "https://tt.example", apiKey: KEY },
    ]);
    const audits = await db.prisma.auditEvent.findMany({ where: { action: "vendor.account" } });
    expect(audits.map((a) => a.outcome).sort()).toEqual(["failed", "ok"]);
    expect(JSON.stringify(audits)).not.toContain(KEY);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(KEY);

    const listed = await accounts.list(ADMIN);
    expect(JSON.stringify(listed)).not.toContain(KEY);
  });

  it("stamps a workspace's accounts so that every instance sees a save or a deletion", async () => {
    const before = await accounts.stamp(ADMIN.workspaceId);
    expect(before).toMatch(/^teletrack@\d+$/);
    expect(await accounts.stamp("T0ELSEWHERE")).toBe("");
    await new Promise((r) => setTimeout(r, 5));
    nock("https://tt.example").get("/v1/caregivers").query({ limit: 1 }).reply(200, { data: [], nextCursor: null });
    expect((await accounts.save(ADMIN, { vendor: "teletrack", baseUrl: "https://tt.example", apiKey: KEY })).ok).toBe(
      true,
    );
    const after = await accounts.stamp(ADMIN.workspaceId);
    expect(after).not.toBe(before);
    await db.prisma.vendorAccount.deleteMany({ where: { workspaceId: ADMIN.workspaceId } });
    expect(await accounts.stamp(ADMIN.workspaceId)).toBe("");
  });
});
