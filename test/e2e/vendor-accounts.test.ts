import { randomBytes } from "node:crypto";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger";
import { VENDOR_OPEN_ACTION } from "../../src/slack/presenters/vendors";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";

const KEY = "ca-live-7d41c09be2f55a10";
const VIEWER = "U0VIEWER";

interface ModalView {
  callback_id: string;
  private_metadata: string;
  title: { text: string };
  blocks: Array<{ block_id?: string; type: string; hint?: { text: string } }>;
}

describe("/carebridge vendors", () => {
  let t: TestApp;
  const lines: string[] = [];
  let views = 0;

  const values = (baseUrl: string, apiKey: string) => ({
    protocol: {
      value: { type: "static_select", selected_option: { value: "vendor", text: { type: "plain_text", text: "x" } } },
    },
    baseUrl: { value: { type: "url_text_input", value: baseUrl } },
    apiKey: { value: { type: "plain_text_input", value: apiKey } },
  });

  async function openModal(): Promise<ModalView> {
    const before = t.slack.callsTo("views.open").length;
    await t.press(VENDOR_OPEN_ACTION, "careacademy");
    const call = await t.waitFor(() => t.slack.callsTo("views.open")[before]);
    return call.args.view as ModalView;
  }
  const submit = async (baseUrl: string, apiKey: string): Promise<Record<string, unknown>> =>
    (await t.submit({ ...(await openModal()), id: `V0VEN${++views}` }, values(baseUrl, apiKey))).json() as Record<
      string,
      unknown
    >;

  beforeAll(async () => {
    const logger = createLogger({
      level: "trace",
      pretty: false,
      destination: { write: (line) => void lines.push(line) },
    });
    t = await startTestApp(
      { CAREBRIDGE_ENCRYPTION_KEY: randomBytes(32).toString("base64"), LOG_LEVEL: "trace" },
      { logger },
    );
    await t.runtime.services.workspaces.ensure(TEAM);
  });
  afterAll(async () => {
    await t.close();
  });

  it("lists each vendor's source to admins, and refuses everyone else", async () => {
    await t.command("/carebridge", "vendors", ADMIN, { channel: "C0VEN1" });
    const list = await t.waitFor(() => t.slack.visible("C0VEN1", ADMIN).at(-1));
    expect(list.text).toBe("Vendor accounts");
    expect(JSON.stringify(list)).toContain("environment default");
    await t.command("/carebridge", "vendors", VIEWER, { channel: "C0VEN2" });
    const refused = await t.waitFor(() => t.slack.visible("C0VEN2", VIEWER).at(-1));
    expect(refused.text).not.toBe("Vendor accounts");
  });

  it("/carebridge help lists vendors and export to admins, not to a viewer", async () => {
    await t.command("/carebridge", "help", ADMIN, { channel: "C0VENH1" });
    const forAdmin = JSON.stringify(await t.waitFor(() => t.slack.visible("C0VENH1", ADMIN).at(-1)));
    expect(forAdmin).toContain("/carebridge vendors");
    expect(forAdmin).toContain("/carebridge export");
    await t.runtime.db.prisma.appUser.upsert({
      where: { workspaceId_slackUserId: { workspaceId: TEAM, slackUserId: VIEWER } },
      create: { workspaceId: TEAM, slackUserId: VIEWER, role: "viewer", grantedBy: ADMIN },
      update: {},
    });
    await t.command("/carebridge", "help", VIEWER, { channel: "C0VENH2" });
    const forViewer = JSON.stringify(await t.waitFor(() => t.slack.visible("C0VENH2", VIEWER).at(-1)));
    expect(forViewer).toContain("/carebridge help");
    expect(forViewer).not.toContain("/carebridge vendors");
  });

  it("puts a bad URL on its field, and the vendor's answer to a failed test call on the key", async () => {
    expect(await submit("ftp:/nowhere", KEY)).toMatchObject({
      response_action: "errors",
      errors: { baseUrl: expect.any(String) },
    });
    nock("https://lms.example")
      .get("/v1/users")
      .query(true)
      .reply(403, {
        error: { code: "scope_missing", message: "This key may not read users." },
      });
    const refused = await submit("https://lms.example", KEY);
    expect(refused).toMatchObject({ response_action: "errors" });
    expect((refused.errors as Record<string, string>).apiKey).toMatch(
      /HTTP 403 · scope_missing · This key may not read users\./,
    );
    expect(await t.runtime.db.prisma.vendorAccount.count()).toBe(0);
    expect(t.slack.rejections).toEqual([]);
  });

  it("saves the account encrypted once the vendor answers; the key appears in no row and no trace-level log line", async () => {
    nock("https://lms.example", { reqheaders: { authorization: `Bearer ${KEY}` } })
      .get("/v1/users")
      .query({ externalId: "carebridge-key-check" })
      .reply(200, { data: [], nextCursor: null });
    expect(await submit("https://lms.example", KEY)).toEqual({});
    const row = await t.runtime.db.prisma.vendorAccount.findFirstOrThrow({ where: { workspaceId: TEAM } });
    expect(row).toMatchObject({
      vendor: "careacademy",
      baseUrl: "https://lms.example",
      keyHint: "5a10",
      updatedBy: ADMIN,
    });
    expect(JSON.stringify(row)).not.toContain(KEY);
    const saved = await t.waitFor(() =>
      t.slack.calls.find((c) => JSON.stringify(c.args).includes("now uses this workspace's account")),
    );
    expect(JSON.stringify(saved.args)).toContain("…5a10");
    expect((await openModal()).blocks.find((b) => b.block_id === "apiKey")?.hint?.text).toContain("…5a10");
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(KEY);
    expect(JSON.stringify(t.slack.calls)).not.toContain(KEY.slice(0, -4));
  });
});
