import { App } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsoleReceiver } from "../../src/console/receiver";
import { ConsoleSession } from "../../src/console/session";
import { SlackStandIn } from "../../src/console/slack-standin";

/**
 * The console's own mechanics, with a small Bolt app of test listeners: commands, buttons,
 * a modal filled field by field, errors sent back to a field, and dispatch_action updates.
 */
describe("console session", () => {
  let slack: SlackStandIn;
  let session: ConsoleSession;
  const printed: string[] = [];
  const answers: string[] = [];
  const submissions: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    slack = await new SlackStandIn({ botToken: "xoxb-t", teamId: "T1", botUserId: "UBOT" }).start();
    const receiver = new ConsoleReceiver();
    const app = new App({
      token: "xoxb-t",
      receiver,
      botUserId: "UBOT",
      botId: "BBOT",
      tokenVerificationEnabled: false,
      clientOptions: { slackApiUrl: slack.apiUrl },
    });
    app.command("/hello", async ({ ack, respond, command }) => {
      await ack();
      await respond({
        text: "hi",
        blocks: [
          { type: "section", text: { type: "mrkdwn", text: `Hello <@${command.user_id}> &amp; friends` } },
          {
            type: "actions",
            elements: [{ type: "button", action_id: "wave", value: "42", text: { type: "plain_text", text: "Wave" } }],
          },
        ],
      });
    });
    app.action("wave", async ({ ack, respond, action, body }) => {
      await ack();
      await respond({
        replace_original: true,
        text: `waved ${(action as { value: string }).value} by ${body.user.id}`,
      });
    });
    app.command("/form", async ({ ack, client, command }) => {
      await ack();
      await client.views.open({
        trigger_id: command.trigger_id,
        view: {
          type: "modal",
          callback_id: "form",
          title: { type: "plain_text", text: "A form" },
          submit: { type: "plain_text", text: "Save" },
          blocks: [
            {
              type: "input",
              block_id: "name",
              dispatch_action: true,
              label: { type: "plain_text", text: "Name" },
              element: { type: "plain_text_input", action_id: "v" },
            },
            {
              type: "input",
              block_id: "username",
              label: { type: "plain_text", text: "Username" },
              element: { type: "plain_text_input", action_id: "v" },
            },
            {
              type: "input",
              block_id: "county",
              label: { type: "plain_text", text: "County" },
              element: {
                type: "static_select",
                action_id: "v",
                options: ["Alameda", "Fresno"].map((c) => ({ text: { type: "plain_text", text: c }, value: c })),
              },
            },
            {
              type: "input",
              block_id: "hired",
              optional: true,
              label: { type: "plain_text", text: "Hired" },
              element: { type: "datepicker", action_id: "v", initial_date: "2026-11-23" },
            },
          ],
        },
      });
    });
    app.action({ block_id: "name", action_id: "v" }, async ({ ack, body, client }) => {
      await ack();
      const view = (
        body as unknown as {
          view: {
            id: string;
            blocks: Array<Record<string, unknown>>;
            state: { values: Record<string, Record<string, { value: string }>> };
          };
        }
      ).view;
      const name = view.state.values.name!.v!.value;
      const blocks = view.blocks.map((b) =>
        b.block_id === "username"
          ? { ...b, element: { type: "plain_text_input", action_id: "v", initial_value: name.toLowerCase() } }
          : b,
      );
      await client.views.update({
        view_id: view.id,
        view: {
          type: "modal",
          callback_id: "form",
          title: { type: "plain_text", text: "A form" },
          submit: { type: "plain_text", text: "Save" },
          blocks,
        } as never,
      });
    });
    app.view("form", async ({ ack, view }) => {
      submissions.push(view.state.values);
      const username = view.state.values.username!.v!.value ?? "";
      if (username.includes(" ")) {
        await ack({ response_action: "errors", errors: { username: "No spaces in a username." } });
        return;
      }
      await ack();
    });
    session = new ConsoleSession({
      receiver,
      slack,
      teamId: "T1",
      userId: "U1",
      channelId: "C1",
      filesDir: "/tmp",
      ask: async (q) => {
        printed.push(q);
        return answers.shift() ?? "";
      },
      print: (l) => printed.push(l),
    });
    slack.addUser({ id: "U1", name: "jane", realName: "Jane", email: "jane@example.org" });
  });
  afterAll(async () => {
    await slack.close();
  });

  it("shows a reply as text with numbered buttons, and a number presses the button", async () => {
    printed.length = 0;
    await session.handle("/hello");
    expect(printed).toContain("  Hello @jane & friends");
    expect(printed.some((l) => l.includes("[1] Wave"))).toBe(true);
    printed.length = 0;
    await session.handle("1");
    await new Promise((r) => setTimeout(r, 50));
    expect(printed.join("\n")).toContain("waved 42 by U1");
    printed.length = 0;
    await session.handle("7");
    expect(printed).toEqual(["There is no button 7."]);
  });

  it("fills a modal field by field, re-asks only the field that came back with an error, and follows views.update", async () => {
    printed.length = 0;
    // name → dispatch_action suggests the username; keep the suggestion? No: type one with a space first.
    answers.push("Jane Doe", "jane doe", "2", "", "y", "jdoe", "y");
    await session.handle("/form");
    expect(submissions).toHaveLength(2);
    expect(submissions[0]).toMatchObject({
      name: { v: { value: "Jane Doe" } },
      username: { v: { value: "jane doe" } },
      county: { v: { selected_option: { value: "Fresno" } } },
      hired: { v: { selected_date: "2026-11-23" } },
    });
    expect(printed).toContain("  ✗ Username: No spaces in a username.");
    expect(submissions[1]).toMatchObject({
      username: { v: { value: "jdoe" } },
      county: { v: { selected_option: { value: "Fresno" } } },
    });
    // The username question showed the suggestion the app made after the name was typed.
    expect(printed.some((l) => l.includes("Username [jane doe]"))).toBe(true);
  });

  it("knows who it is and switches users", async () => {
    printed.length = 0;
    await session.handle("as U2");
    expect(session.userId).toBe("U2");
    expect(await session.handle("quit")).toBe(false);
  });
});
