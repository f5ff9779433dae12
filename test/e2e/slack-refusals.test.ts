import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger";
import { JOSE, openForm, stateOf } from "../app/agency-users/slack-form";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";
import { testDatabaseKind } from "../support/db";
import { inThread, pressOn, shareFile } from "./learners-support";

/** Slack answering ok: false: no record left stuck, the person told the truth, the log says what Slack refused. */

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

const POINTER = "[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0/text]";
const CSV =
  "Email,FirstName,LastName,Affiliation,EmployeeType\n" +
  "zoe.refused@p.example,Zoe,Refused,California Community Partners,Kern County Community Partner\n";

describe(`when Slack refuses a call (${testDatabaseKind})`, () => {
  let t: TestApp;
  let views = 0;
  beforeAll(async () => {
    t = await startTestApp({}, { logger });
    await t.runtime.services.workspaces.ensure(TEAM);
  });
  afterAll(async () => {
    await t.close();
  });

  const previewIn = async (channel: string, name: string) => {
    const csv = CSV.replace("zoe.refused", name);
    const { ts } = await shareFile(t, { name: `${name}.csv`, content: csv, user: ADMIN, channel });
    const preview = structuredClone(await t.waitFor(() => inThread(t, channel, ts)[0]));
    const jobId = (await t.runtime.db.prisma.upload.findFirstOrThrow({ where: { threadTs: ts } })).jobId!;
    return { ts, preview, jobId };
  };

  it("Import whose preview update Slack refuses still imports; a second press then truthfully says it started", async () => {
    const channel = "C0REF1";
    const { ts, preview, jobId } = await previewIn(channel, "zoe.one");
    lines.length = 0;
    t.slack.refuseNext.set("chat.update", { error: "invalid_blocks", messages: [POINTER] });
    expect((await pressOn(t, preview, "learner.import", ADMIN)).status).toBe(200);
    await t.waitFor(() => inThread(t, channel, ts).find((m) => m.text.includes("[file: import-log-")));
    expect((await t.runtime.jobStore.get(jobId))?.status).toBe("done");
    expect(lines.some((line) => line.includes("json-pointer:/blocks/0/text"))).toBe(true);

    const again = await pressOn(t, preview, "learner.import", ADMIN);
    expect(again.status).toBe(200);
    const told = await t.waitFor(() => t.slack.visible(channel, ADMIN).find((m) => m.text.includes("already")));
    expect(told.text).toContain("That import has already started");
  });

  it("Import whose progress message Slack refuses still imports, and the person is told why nothing shows", async () => {
    const channel = "C0REF2";
    const { ts, preview, jobId } = await previewIn(channel, "zoe.two");
    t.slack.refuseNext.set("chat.postMessage", { error: "invalid_blocks", messages: [POINTER] });
    await pressOn(t, preview, "learner.import", ADMIN);
    const told = await t.waitFor(() =>
      t.slack.visible(channel, ADMIN).find((m) => m.text.includes("refused its progress message")),
    );
    expect(told.ephemeralTo).toBe(ADMIN);
    expect(told.text).toContain("invalid_blocks");
    await t.waitFor(() => inThread(t, channel, ts).find((m) => m.text.includes("[file: import-log-")));
    expect((await t.runtime.jobStore.get(jobId))?.status).toBe("done");
  });

  it("a private reply Slack refuses as invalid is not sent again to the person's DM", async () => {
    const posts = t.slack.callsTo("chat.postMessage").length;
    t.slack.refuseNext.set("chat.postEphemeral", { error: "invalid_blocks", messages: [POINTER] });
    const view = await openForm(t, ADMIN, "C0REF3");
    const answer = await t.submit({ ...view, id: `V0REF${++views}` }, stateOf(view, JOSE), ADMIN);
    expect(answer.status).toBe(200);
    await t.waitFor(() => t.slack.callsTo("chat.postEphemeral").length > 0 || undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect(
      t.slack
        .callsTo("chat.postMessage")
        .slice(posts)
        .filter((c) => c.args.channel === ADMIN),
    ).toEqual([]);
  });

  it("a private reply to a channel carebridge is not in goes to the person's DM", async () => {
    t.slack.refuseNext.set("chat.postEphemeral", { error: "channel_not_found" });
    const view = await openForm(t, ADMIN, "C0REF4");
    await t.submit({ ...view, id: `V0REF${++views}` }, stateOf(view, { ...JOSE, username: "jose.dm" }), ADMIN);
    const dm = await t.waitFor(() => t.slack.visible(ADMIN).find((m) => m.text.includes("jose.dm")));
    expect(dm.ephemeralTo).toBeUndefined();
  });

  it("/agency-user says what Slack said: a form it refused is not blamed on the clock", async () => {
    t.slack.refuseNext.set("views.open", { error: "invalid_arguments", messages: [POINTER] });
    await t.command("/agency-user", "", ADMIN, { channel: "C0REF5" });
    const told = await t.waitFor(() => t.slack.visible("C0REF5", ADMIN).at(-1));
    expect(told.text).toContain("Slack refused to open the form (invalid_arguments)");
    expect(told.text).not.toContain("few seconds");

    t.slack.refuseNext.set("views.open", { error: "expired_trigger_id" });
    await t.command("/agency-user", "", ADMIN, { channel: "C0REF6" });
    const expired = await t.waitFor(() => t.slack.visible("C0REF6", ADMIN).at(-1));
    expect(expired.text).toContain("run /agency-user again");
  });
});
