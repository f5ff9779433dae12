import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";
import { postSigned } from "../support/signed";

/** Requests a correctly signed stranger, or a broken client, could send: none may hurt the app. */

const lines: string[] = [];
const logger = createLogger({
  level: "debug",
  pretty: false,
  destination: new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  }),
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = "application/x-www-form-urlencoded";

describe("hostile requests to the running HTTP server", () => {
  let t: TestApp;
  let alive = 0;
  const stillServes = async () => {
    const channel = `C0ALIVE${++alive}`;
    expect((await t.command("/carebridge", "help", ADMIN, { channel })).status).toBe(200);
    await t.waitFor(() => t.slack.visible(channel, ADMIN).at(-1));
  };
  beforeAll(async () => {
    t = await startTestApp({}, { logger });
  });
  afterAll(async () => {
    await t.close();
  });

  it("a signed payload=null, a JSON null and other bodies that are no object get 400, and the app keeps serving", async () => {
    for (const [body, type] of [
      [form({ payload: "null" }), FORM],
      ["null", "application/json"],
      [form({ payload: "42" }), FORM],
      [form({ payload: '"text"' }), FORM],
      [form({ payload: "[1,2]" }), FORM],
      ["[]", "application/json"],
      ["true", "application/json"],
      ["{not json", "application/json"],
    ] as const) {
      expect({ body, status: (await postSigned(t.url, body, type)).status }).toEqual({ body, status: 400 });
    }
    await stillServes();
  });

  it("a signed command that names another workspace is not served with this one's token and leaves no row", async () => {
    const workspaces = await t.runtime.db.prisma.workspace.count();
    const channel = "C0OTHERTEAM";
    const body = new URLSearchParams({
      command: "/carebridge",
      text: "help",
      team_id: "T0OTHER",
      user_id: ADMIN,
      channel_id: channel,
      trigger_id: "trigger-other",
      response_url: t.slack.responseUrl(channel, ADMIN),
    }).toString();
    const status = (await postSigned(t.url, body, FORM)).status;
    expect(status).toBeLessThan(500);
    await stillServes();
    expect(t.slack.visible(channel, ADMIN)).toEqual([]);
    expect(await t.runtime.db.prisma.workspace.count()).toBe(workspaces);
  });

  it("a timestamp more than 5 minutes in the future gets 401, like a stale one", async () => {
    const before = t.slack.messages.length;
    const future = Math.floor(Date.now() / 1000) + 6 * 60;
    expect((await t.command("/carebridge", "help", ADMIN, { timestamp: future })).status).toBe(401);
    const soon = Math.floor(Date.now() / 1000) + 60;
    expect((await t.command("/carebridge", "help", ADMIN, { timestamp: soon, channel: "C0SOON" })).status).toBe(200);
    await t.waitFor(() => t.slack.visible("C0SOON", ADMIN).at(-1));
    expect(t.slack.messages.filter((m) => m.channel !== "C0SOON")).toHaveLength(before);
  });

  it("a block_actions or view_submission without a user gets 400, not 500", async () => {
    const press = await postSigned(
      t.url,
      form({
        payload: JSON.stringify({
          type: "block_actions",
          team: { id: TEAM },
          channel: { id: "C0GENERAL" },
          actions: [{ type: "button", action_id: "learner_import_start", block_id: "b", value: "x", action_ts: "1" }],
        }),
      }),
      FORM,
    );
    expect(press.status).toBe(400);
    const submit = await postSigned(
      t.url,
      form({
        payload: JSON.stringify({
          type: "view_submission",
          team: { id: TEAM },
          view: { id: "V1", callback_id: "learner.add", private_metadata: "", blocks: [], state: { values: {} } },
        }),
      }),
      FORM,
    );
    expect(submit.status).toBe(400);
    await stillServes();
  });

  it('a view_submission whose private_metadata is "null" is answered at once, for every form, without failing', async () => {
    lines.length = 0;
    for (const callback of [
      "learner.add",
      "learner.reactivate-offer",
      "learner.archive-bulk",
      "learner.edit",
      "agency-user.create",
      "caregiver.fix",
      "link.create-member",
      "link.create-learner",
    ]) {
      const started = Date.now();
      const response = await t.submit({ callback_id: callback, private_metadata: "null", blocks: [] }, {});
      expect({ callback, status: response.status }).toEqual({ callback, status: 200 });
      expect(Date.now() - started).toBeLessThan(2500);
    }
    // These forged views have no blocks, so the field errors (or the re-rendered form) carebridge
    // answers name blocks they lack: Slack would refuse those acks, and nothing else was sent.
    expect(new Set(t.slack.takeRejections().map((r) => r.method))).toEqual(new Set(["view_submission ack"]));
    await stillServes();
    expect(lines.filter((line) => line.includes("slack listener failed"))).toEqual([]);
  });

  it("a file_share whose download address is not Slack's gets a sentence and a warning, and never the token", async () => {
    const seen: IncomingHttpHeaders[] = [];
    const elsewhere = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { "content-type": "text/csv" }).end("Email\nx@example.org\n");
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
    try {
      const port = (elsewhere.address() as AddressInfo).port;
      const channel = "C0FILES";
      lines.length = 0;
      for (const [i, url] of [
        `http://127.0.0.1:${port}/steal.csv`,
        "https://files.slack.com.evil.example/a.csv",
      ].entries()) {
        const ts = `1800000099.00000${i}`;
        expect(
          (
            await t.event({
              type: "message",
              subtype: "file_share",
              channel,
              channel_type: "channel",
              user: ADMIN,
              ts,
              text: "",
              files: [
                { id: `F0EVIL${i}`, name: "learners.csv", mimetype: "text/csv", size: 30, url_private_download: url },
              ],
            })
          ).status,
        ).toBe(200);
        const reply = await t.waitFor(() => t.slack.messages.find((m) => m.channel === channel && m.threadTs === ts));
        expect(reply.text).toContain("not on Slack's file servers");
      }
      expect(seen).toEqual([]);
      expect(lines.filter((line) => line.includes("not a Slack file host"))).toHaveLength(2);
      expect(lines.join("")).not.toContain("xoxb-test-token");
    } finally {
      await new Promise((resolve) => elsewhere.close(resolve));
    }
  });

  it("a file_share from the stand-in's own host is still fetched with the token", async () => {
    const channel = "C0FILES2";
    const file = t.slack.addFile({ name: "ok.csv", content: "Email\n", user: ADMIN, channel });
    const { content: _bytes, ...meta } = file;
    await t.event({
      type: "message",
      subtype: "file_share",
      channel,
      channel_type: "channel",
      user: ADMIN,
      ts: "1800000098.000001",
      text: "",
      files: [meta],
    });
    await t.waitFor(() => t.slack.messages.find((m) => m.channel === channel && m.threadTs === "1800000098.000001"));
    expect(t.slack.downloads).toContain(file.id);
  });
});
