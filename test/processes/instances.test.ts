// carebridge as operators run it: several `npm start` processes on one PostgreSQL, the vendor
// sandbox in a process of its own (its state outlives any instance), Slack played by the
// stand-in here. Vendor effects are checked in the sandbox, not in carebridge's tables.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackStandIn, type StoredMessage } from "../../src/console/slack-standin";
import { freshConnection } from "../support/db";
import {
  type AppInstance,
  killAll,
  startApp,
  startSandboxProcess,
  type SandboxProcess,
  type SandboxStateJson,
} from "../support/processes";
import { postSigned, SIGNING_SECRET } from "../support/signed";

const TEAM = "T0PROC";
const ADMIN = "U0ADMIN";
const BOT_TOKEN = "xoxb-proc-token";
/** Short, so that a killed instance's job is taken over within seconds. */
const SHORT_LEASE_MS = "3000";
const FIRST_CAREGIVERS = 30;

describe.skipIf(!process.env.TEST_DATABASE_URL)(
  "app instances on one PostgreSQL, vendors in their own process (skipped on PGlite: needs TEST_DATABASE_URL)",
  () => {
    let slack: SlackStandIn;
    let sandbox: SandboxProcess;
    let databaseUrl: string;
    let dropDatabase: (() => Promise<void>) | undefined;
    const instances: AppInstance[] = [];
    let triggers = 0;

    const env = (leaseMs: string) => ({
      ...sandbox.env,
      DATABASE_URL: databaseUrl,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      CAREBRIDGE_ADMINS: ADMIN,
      JOB_LEASE_MS: leaseMs,
      // Vendor requests wait while the test holds the sandbox; they must not time out meanwhile.
      HTTP_TIMEOUT_MS: "120000",
    });
    const start = async (name: string, leaseMs = SHORT_LEASE_MS) => {
      const instance = await startApp(name, env(leaseMs));
      instances.push(instance);
      return instance;
    };

    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const command = (to: AppInstance, text: string, channel: string) =>
      postSigned(
        to.url,
        form({
          command: "/sync-caregiver",
          text,
          team_id: TEAM,
          user_id: ADMIN,
          channel_id: channel,
          trigger_id: `trigger-${++triggers}`,
          response_url: slack.responseUrl(channel, ADMIN),
        }),
        "application/x-www-form-urlencoded",
      );
    const press = (to: AppInstance, button: { action_id: string; value: string }, channel: string) =>
      postSigned(
        to.url,
        form({
          payload: JSON.stringify({
            type: "block_actions",
            team: { id: TEAM },
            user: { id: ADMIN, team_id: TEAM },
            channel: { id: channel },
            trigger_id: `trigger-${++triggers}`,
            response_url: slack.responseUrl(channel, ADMIN),
            actions: [{ type: "button", block_id: "b", action_ts: "1", ...button }],
          }),
        }),
        "application/x-www-form-urlencoded",
      );

    async function until<T>(find: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = await find();
        if (found !== undefined) return found;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    /** `/sync-caregiver all full` on `on`, with the sandbox held from Confirm on: no item gets past its first vendor call. */
    async function confirmHeldSync(on: AppInstance, channel: string): Promise<void> {
      expect((await command(on, "all full", channel)).status).toBe(200);
      const preview = await until(
        () => slack.visible(channel, ADMIN).find((m) => m.text.startsWith("Sync preview")),
        "the sync preview",
      );
      const confirm = (preview.blocks as Array<{ elements?: Array<{ action_id: string; value: string }> }>)
        .flatMap((b) => b.elements ?? [])
        .find((e) => e.action_id.startsWith("caregiver.sync-all.confirm"));
      await sandbox.admin("pause");
      expect((await press(on, confirm!, channel)).status).toBe(200);
    }

    /** The instance that logged "job started" for a job other than `except`, and that job's id. */
    const starter = (except: string[] = []) =>
      until(() => {
        for (const instance of instances) {
          const line = instance.lines.find((l) => l.msg === "job started" && !except.includes(String(l.jobId)));
          if (line) return { instance, jobId: String(line.jobId) };
        }
        return undefined;
      }, "a job to start");

    const reports = (channel: string): StoredMessage[] =>
      slack.messages.filter((m) => m.channel === channel && m.text.includes("Caregiver sync finished"));

    /** Each TeleTrack caregiver has exactly one CareAcademy account, and TeleTrack links to it. */
    function expectOneAccountEach(state: SandboxStateJson, count: number): void {
      const caregivers = Object.keys(state.teletrack.caregivers).sort();
      expect(caregivers).toHaveLength(count);
      const users = Object.values(state.careacademy.users);
      expect(users.map((u) => u.externalId).sort()).toEqual(caregivers);
      expect(Object.keys(state.teletrack.lmsLinks).sort()).toEqual(caregivers);
      for (const [caregiver, userId] of Object.entries(state.teletrack.lmsLinks)) {
        expect(state.careacademy.users[userId]?.externalId).toBe(caregiver);
      }
    }

    beforeAll(async () => {
      const fresh = await freshConnection();
      databaseUrl = fresh.url!;
      dropDatabase = () => fresh.close();
      [slack, sandbox] = await Promise.all([
        new SlackStandIn({ botToken: BOT_TOKEN, teamId: TEAM, botUserId: "U0BOT" }).start(),
        startSandboxProcess(["--seed", "empty", "--caregivers", String(FIRST_CAREGIVERS)]),
      ]);
    });
    afterAll(async () => {
      await killAll();
      await slack?.close();
      await dropDatabase?.();
    });

    it("two instances started at once on a fresh database both migrate and run", async () => {
      const [a, b] = await Promise.all([start("A"), start("B")]);
      expect(a.alive && b.alive).toBe(true);
    }, 60_000);

    let firstJob = "";
    let survivor: AppInstance;

    it("a sync-all confirmed on A while B runs: SIGKILL the instance doing it, the other finishes it", async () => {
      const [a] = instances;
      await confirmHeldSync(a!, "C0KILL");
      const { instance: worker, jobId } = await starter();
      firstJob = jobId;
      await until(async () => ((await sandbox.state()).held > 0 ? true : undefined), "a vendor call in flight");
      await worker.kill("SIGKILL");
      await sandbox.admin("resume");

      survivor = instances.find((i) => i !== worker)!;
      await survivor.waitForLine((l) => l.msg === "job started" && l.jobId === jobId);
      await until(() => reports("C0KILL")[0], "the final report");
      expectOneAccountEach(await sandbox.state(), FIRST_CAREGIVERS);
    }, 60_000);

    it("an instance starts on the migrated database while another runs a job; SIGTERM hands that job over at once", async () => {
      await sandbox.admin("caregivers?count=10");
      await confirmHeldSync(survivor, "C0TERM");
      const { instance: worker, jobId } = await starter([firstJob]);
      expect(worker).toBe(survivor);
      await until(async () => ((await sandbox.state()).held > 0 ? true : undefined), "a vendor call in flight");

      // Its lease is 10 minutes: it looks for interrupted jobs only that often, so only a hand-over reaches it in time.
      const late = await start("C", "600000");
      const stopped = worker.kill("SIGTERM");
      await worker.waitForLine((l) => l.msg === "finishing the items in hand, then letting go");
      await sandbox.admin("resume");
      expect(await stopped).toBe(0);
      await late.waitForLine((l) => l.msg === "job started" && l.jobId === jobId, 20_000);
      await until(() => reports("C0TERM")[0], "the final report");
      expectOneAccountEach(await sandbox.state(), FIRST_CAREGIVERS + 10);
      // One final report per job: none from the instance that was killed or the one that let go.
      expect(reports("C0KILL")).toHaveLength(1);
      expect(reports("C0TERM")).toHaveLength(1);
    }, 60_000);
  },
);
