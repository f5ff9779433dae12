// What the multi-process tests share: the Slack stand-in here, the sandbox vendors in their own
// process, a database of their own, and app instances started as `npm start` starts them.
import { expect } from "vitest";
import { SlackStandIn, type StoredMessage } from "../../src/console/slack-standin";
import { freshConnection } from "../support/db";
import {
  type AppInstance,
  killAll,
  startApp,
  startSandboxProcess,
  type SandboxProcess,
  type SandboxStateJson,
  until,
} from "../support/processes";
import { postSigned, SIGNING_SECRET } from "../support/signed";

const TEAM = "T0PROC";
const ADMIN = "U0ADMIN";
const BOT_TOKEN = "xoxb-proc-token";

export interface Cluster {
  slack: SlackStandIn;
  sandbox: SandboxProcess;
  /** The test database's URL; instances may be given another way to it (a proxy). */
  databaseUrl: string;
  instances: AppInstance[];
  start(name: string, env?: Record<string, string>): Promise<AppInstance>;
  /** `/sync-caregiver all full` on `on`, Confirm pressed with the sandbox held: no item gets past its first vendor call. */
  confirmHeldSync(on: AppInstance, channel: string): Promise<void>;
  /** The instance that logged "job started" for a job not in `except`, and that job's id. */
  starter(except?: string[]): Promise<{ instance: AppInstance; jobId: string }>;
  /** Waits until a vendor request is held by the paused sandbox. */
  heldCall(): Promise<void>;
  /** The final reports of caregiver syncs posted in `channel`. */
  reports(channel: string): StoredMessage[];
  close(): Promise<void>;
}

export async function startCluster(sandboxArgs: string[]): Promise<Cluster> {
  const fresh = await freshConnection();
  const [slack, sandbox] = await Promise.all([
    new SlackStandIn({ botToken: BOT_TOKEN, teamId: TEAM, botUserId: "U0BOT" }).start(),
    startSandboxProcess(sandboxArgs),
  ]);
  const instances: AppInstance[] = [];
  let triggers = 0;
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const post = (to: AppInstance, fields: Record<string, string>) =>
    postSigned(to.url, form(fields), "application/x-www-form-urlencoded");

  const cluster: Cluster = {
    slack,
    sandbox,
    databaseUrl: fresh.url!,
    instances,
    async start(name, env = {}) {
      const instance = await startApp(name, {
        ...sandbox.env,
        DATABASE_URL: fresh.url!,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        CAREBRIDGE_ADMINS: ADMIN,
        // Vendor requests wait while a test holds the sandbox; they must not time out meanwhile.
        HTTP_TIMEOUT_MS: "120000",
        ...env,
      });
      instances.push(instance);
      return instance;
    },
    async confirmHeldSync(on, channel) {
      const answer = await post(on, {
        command: "/sync-caregiver",
        text: "all full",
        team_id: TEAM,
        user_id: ADMIN,
        channel_id: channel,
        trigger_id: `trigger-${++triggers}`,
        response_url: slack.responseUrl(channel, ADMIN),
      });
      expect(answer.status).toBe(200);
      const preview = await until(
        () => slack.visible(channel, ADMIN).find((m) => m.text.startsWith("Sync preview")),
        "the sync preview",
      );
      const confirm = (preview.blocks as Array<{ elements?: Array<{ action_id: string; value: string }> }>)
        .flatMap((b) => b.elements ?? [])
        .find((e) => e.action_id.startsWith("caregiver.sync-all.confirm"))!;
      await sandbox.admin("pause");
      const pressed = await post(on, {
        payload: JSON.stringify({
          type: "block_actions",
          team: { id: TEAM },
          user: { id: ADMIN, team_id: TEAM },
          channel: { id: channel },
          trigger_id: `trigger-${++triggers}`,
          response_url: slack.responseUrl(channel, ADMIN),
          actions: [{ type: "button", block_id: "b", action_ts: "1", ...confirm }],
        }),
      });
      expect(pressed.status).toBe(200);
    },
    starter: (except = []) =>
      until(() => {
        for (const instance of instances) {
          const line = instance.lines.find((l) => l.msg === "job started" && !except.includes(String(l.jobId)));
          if (line) return { instance, jobId: String(line.jobId) };
        }
        return undefined;
      }, "a job to start"),
    async heldCall() {
      await until(async () => ((await sandbox.state()).held > 0 ? true : undefined), "a vendor call in flight");
    },
    reports: (channel) =>
      slack.messages.filter((m) => m.channel === channel && m.text.includes("Caregiver sync finished")),
    async close() {
      await killAll();
      await slack.close();
      await fresh.close();
    },
  };
  return cluster;
}

/** Each TeleTrack caregiver has exactly one CareAcademy account, and TeleTrack links to it. */
export function expectOneAccountEach(state: SandboxStateJson, count: number): void {
  const caregivers = Object.keys(state.teletrack.caregivers).sort();
  expect(caregivers).toHaveLength(count);
  const users = Object.values(state.careacademy.users);
  expect(users.map((u) => u.externalId).sort()).toEqual(caregivers);
  expect(Object.keys(state.teletrack.lmsLinks).sort()).toEqual(caregivers);
  for (const [caregiver, userId] of Object.entries(state.teletrack.lmsLinks)) {
    expect(state.careacademy.users[userId]?.externalId).toBe(caregiver);
  }
}
