import { randomBytes } from "node:crypto";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices, type Services } from "../../../src/app/services";
import { loadConfig, type Config } from "../../../src/config";
import type { Database } from "../../../src/db/client";
import { JobRunner } from "../../../src/jobs/runner";
import { createJobStore } from "../../../src/jobs/store";
import { silentLogger } from "../../../src/logger";
import { createProviders } from "../../../src/providers";
import { testDatabase } from "../../support/db";

const KEY = "tt-own-key-5b2e81c0d4";
const ADMIN = { workspaceId: "T0INST", userId: "U0ADMIN" };

const caregiver = (id: string) => ({
  id,
  firstName: "Ana",
  lastName: "Ruiz",
  email: null,
  mobilePhone: null,
  birthDate: null,
  state: "CA",
  status: "active",
  updatedAt: "2026-12-01T00:00:00Z",
});

/** Two app instances on one database: an account saved on one is what the other calls next. */
describe("workspace vendor accounts across instances", () => {
  let db: Database;
  let config: Config;
  const instances: Services[] = [];

  beforeAll(async () => {
    db = await testDatabase();
    await db.prisma.workspace.create({ data: { id: ADMIN.workspaceId } });
    config = {
      ...loadConfig(
        Object.fromEntries(
          ["TELETRACK", "CAREACADEMY", "MOTIVITY", "CALMANAC", "CARESMARTZ", "CACWT"].flatMap((v) => [
            [`${v}_BASE_URL`, `https://env-${v.toLowerCase()}.example`],
            [`${v}_API_KEY`, `env-${v.toLowerCase()}-key`],
          ]),
        ),
      ),
      admins: [ADMIN.userId],
      encryption: { key: randomBytes(32), previous: undefined },
    };
    const build = (own: Config) => createProviders(own, { logger: silentLogger, http: { maxRetries: 0 } });
    for (let i = 0; i < 2; i += 1) {
      const jobStore = createJobStore(db.prisma);
      instances.push(
        createServices({
          config,
          prisma: db.prisma,
          providers: build(config),
          buildProviders: build,
          jobStore,
          jobRunner: new JobRunner({ store: jobStore, logger: silentLogger, describeError: String }),
          logger: silentLogger,
          now: () => new Date(),
        }),
      );
    }
  });
  afterAll(async () => {
    for (const services of instances) await services.providers.close();
    await db.close();
  });

  const getOn = (services: Services) =>
    services.providers.within(ADMIN.workspaceId, () => services.providers.scoped.caregiverSource.get("cg-1"));

  it("the other instance calls the new account at its next request, without being told", async () => {
    const [first, second] = instances as [Services, Services];
    nock("https://env-teletrack.example").get("/v1/caregivers/cg-1").reply(200, caregiver("from-env"));
    expect((await getOn(second)).id).toBe("from-env");

    nock("https://own.teletrack.example", { reqheaders: { authorization: `Bearer ${KEY}` } })
      .get("/v1/caregivers")
      .query({ limit: 1 })
      .reply(200, { data: [], nextCursor: null });
    const saved = await first.vendorAccounts.save(ADMIN, {
      vendor: "teletrack",
      baseUrl: "https://own.teletrack.example",
      apiKey: KEY,
    });
    expect(saved.ok).toBe(true);

    nock("https://own.teletrack.example", { reqheaders: { authorization: `Bearer ${KEY}` } })
      .get("/v1/caregivers/cg-1")
      .reply(200, caregiver("from-own"));
    expect((await getOn(second)).id).toBe("from-own");

    // Uninstalled on the first: the key is gone everywhere, back to the environment's account.
    await first.installations.forget(ADMIN.workspaceId, "app_uninstalled");
    nock("https://env-teletrack.example").get("/v1/caregivers/cg-1").reply(200, caregiver("from-env-again"));
    expect((await getOn(second)).id).toBe("from-env-again");
    expect(nock.isDone()).toBe(true);
  });
});
