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
  const personSubmissions: Array<Record<string, Record<string, { value?: string | null }>>> = [];
  const pressed: string[] = [];

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
    app.command("/danger", async ({ ack, respond }) => {
      await ack();
      await respond({
        text: "danger",
        response_type: "in_channel",
        blocks: [
          { type: "section", text: { type: "mrkdwn", text: "Posted in <#C1> for <@U2>" } },
          {
            type: "actions",
            elements: [
              { type: "button", action_id: "safe", value: "s", text: { type: "plain_text", text: "Safe" } },
              {
                type: "button",
                action_id: "risky",
                value: "r",
                text: { type: "plain_text", text: "Reactivate" },
                confirm: {
                  title: { type: "plain_text", text: "Reactivate?" },
                  text: { type: "mrkdwn", text: "They get their access back." },
                  confirm: { type: "plain_text", text: "Reactivate" },
                  deny: { type: "plain_text", text: "Keep archived" },
                },
              },
            ],
          },
        ],
      });
    });
    app.action("safe", async ({ ack, respond }) => {
      await ack();
      pressed.push("safe");
      await respond({ replace_original: true, text: "safe pressed" });
    });
    app.action("risky", async ({ ack }) => {
      await ack();
      pressed.push("risky");
    });
    const modal = (callback_id: string, title: string, blocks: unknown[], submit = "Save") => ({
      type: "modal" as const,
      callback_id,
      title: { type: "plain_text" as const, text: title },
      ...(submit ? { submit: { type: "plain_text" as const, text: submit } } : {}),
      blocks: blocks as never,
    });
    const text = (block_id: string, label: string, extra: Record<string, unknown> = {}) => ({
      type: "input",
      block_id,
      label: { type: "plain_text", text: label },
      element: { type: "plain_text_input", action_id: "v", ...extra },
    });
    app.command("/loading", async ({ ack, client, command }) => {
      await ack();
      const opened = await client.views.open({
        trigger_id: command.trigger_id,
        view: modal("loading", "Loading", [{ type: "section", text: { type: "plain_text", text: "Reading…" } }], ""),
      });
      await client.views.update({
        view_id: opened.view!.id!,
        view: modal("person", "A person", [
          {
            ...text("last", "Last name", { dispatch_action_config: { trigger_actions_on: ["on_enter_pressed"] } }),
            dispatch_action: true,
          },
          text("username", "Username"),
          { ...text("phone", "Phone", { initial_value: "555-0100" }), optional: true },
        ]),
      });
    });
    app.action({ block_id: "last", action_id: "v" }, async ({ ack, body, client }) => {
      await ack();
      const view = (body as unknown as { view: { id: string; blocks: Array<Record<string, unknown>> } }).view;
      await client.views.update({
        view_id: view.id,
        view: modal(
          "person",
          "A person",
          view.blocks.map((b) =>
            b.block_id === "username" ? text("username.2", "Username", { initial_value: "treyes" }) : b,
          ),
        ),
      });
    });
    app.view("person", async ({ ack, view, client }) => {
      personSubmissions.push(view.state.values);
      const phone = view.state.values.phone?.v?.value;
      if (phone && !/^[\d-]+$/.test(phone)) {
        await ack({ response_action: "errors", errors: { phone: "Digits only." } });
        return;
      }
      await ack({
        response_action: "push",
        view: modal("sure", "Sure?", [{ type: "section", text: { type: "plain_text", text: "Really save?" } }], "Yes"),
      });
      void client;
    });
    app.view("sure", async ({ ack }) => {
      pressed.push("sure");
      await ack({ response_action: "clear" });
    });
    app.command("/slow", async ({ ack, client, command }) => {
      await ack();
      const opened = await client.views.open({
        trigger_id: command.trigger_id,
        view: modal("slow", "Working", [{ type: "section", text: { type: "plain_text", text: "Working…" } }], ""),
      });
      // The answer comes after the listener has finished, as a slow job's would.
      setTimeout(() => {
        void client.views.update({ view_id: opened.view!.id!, view: modal("slow", "Done", [text("note", "Note")]) });
      }, 30);
    });
    app.view("slow", async ({ ack, view }) => {
      await ack();
      pressed.push(`slow:${view.state.values.note?.v?.value}`);
    });
    app.command("/gone", async ({ ack, respond }) => {
      await ack();
      await respond({
        text: "gone",
        blocks: [
          {
            type: "actions",
            elements: [{ type: "button", action_id: "go", value: "g", text: { type: "plain_text", text: "Go" } }],
          },
        ],
      });
    });
    app.action("go", async ({ ack, respond }) => {
      await ack();
      await respond({ delete_original: true });
    });
    session = new ConsoleSession({
      receiver,
      slack,
      teamId: "T1",
      userId: "U1",
      filesDir: "/tmp",
      ask: async (q) => {
        printed.push(q);
        return answers.shift() ?? "";
      },
      print: (l) => printed.push(l),
      channelId: "C1",
      channelName: "general",
      reprompt: (p) => printed.push(`PROMPT ${p}`),
    });
    slack.addUser({ id: "U1", name: "jane", realName: "Jane", email: "jane@example.org" });
    slack.addUser({ id: "U2", name: "ben", realName: "Ben Admin", email: "ben@example.org" });
  });
  afterAll(async () => {
    await slack.close();
  });

  it("shows a reply as text with buttons by address, and the address presses the button", async () => {
    printed.length = 0;
    await session.handle("/hello");
    expect(printed).toContain("  Hello @Jane & friends");
    expect(printed.some((l) => l.includes("[1.1] Wave"))).toBe(true);
    printed.length = 0;
    await session.handle("1.1");
    expect(printed.join("\n")).toContain("waved 42 by U1");
    printed.length = 0;
    await session.handle("7.1");
    expect(printed).toEqual(["Nothing numbered 7 has buttons (buttons lists them)."]);
  });

  it("keeps every message's number and every button's address while others are pressed", async () => {
    await session.handle("/hello");
    await session.handle("/hello");
    const [first, second] = [...printed.join("\n").matchAll(/\[(\d+)\.1\] Wave/g)].slice(-2).map((m) => m[1]);
    expect(first).not.toEqual(second);
    printed.length = 0;
    await session.handle(`${second}.1`);
    // The second message was replaced in place, under its own number, without buttons.
    expect(printed[0]).toBe(`↻ ${second} carebridge (only you) updated`);
    printed.length = 0;
    await session.handle("buttons");
    expect(printed.join("\n")).toContain(`[${first}.1] Wave`);
    expect(printed.join("\n")).not.toContain(`[${second}.1]`);
    printed.length = 0;
    await session.handle(`${second}.1`);
    expect(printed).toEqual([`Nothing numbered ${second} has buttons (buttons lists them).`]);
    printed.length = 0;
    await session.handle(`${first}.1`);
    expect(printed.join("\n")).toContain("waved 42 by U1");
  });

  it("asks before a button with a confirm dialog, and refuses another user's private message", async () => {
    printed.length = 0;
    await session.handle("/danger");
    const text = printed.join("\n");
    expect(text).toContain("Posted in #general for @Ben Admin");
    expect(text).not.toContain("<#C1>");
    const n = /— (\d+) carebridge \(#general\)/.exec(text)![1];
    answers.push("n");
    printed.length = 0;
    await session.handle(`${n}.2`);
    expect(printed).toContain("  Reactivate? — They get their access back.");
    expect(printed).toContain("  Keep archived: nothing pressed.");
    expect(pressed).not.toContain("risky");
    answers.push("y");
    await session.handle(`${n}.2`);
    expect(pressed).toContain("risky");

    await session.handle("/hello");
    const mine = [...printed.join("\n").matchAll(/— (\d+) carebridge \(only you\)/g)].at(-1)![1];
    await session.handle("as U2");
    expect(session.prompt).toBe("carebridge (Ben Admin)> ");
    printed.length = 0;
    await session.handle(`${mine}.1`);
    expect(printed).toEqual([`Message ${mine} is shown only to Jane; you are Ben Admin.`]);
    await session.handle("as U1");
  });

  it("prints the prompt again after carebridge speaks on its own", async () => {
    printed.length = 0;
    await session.handle("/hello");
    expect(printed.some((l) => l.startsWith("PROMPT"))).toBe(false);
    await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { authorization: "Bearer xoxb-t", "content-type": "application/json" },
      body: JSON.stringify({ channel: "C1", text: "Your import finished." }),
    });
    expect(printed.slice(-2)).toEqual(["  Your import finished.", "PROMPT carebridge (Jane)> "]);
  });

  it("follows a loading modal's update, asks a re-rendered field by its new id, clears an optional one, and revisits the form", async () => {
    printed.length = 0;
    personSubmissions.length = 0;
    pressed.length = 0;
    // last name (re-renders username as username.2) · username typed · phone bad · Submit
    // → error on phone · phone "-" clears it · Submit: e = edit every field · last (Enter) · username · phone
    // (Enter keeps it empty) · Submit → pushed "Sure?" · Yes → clear.
    answers.push("Reyes", "Tom Reyes!", "call me", "y", "-", "e", "", "tom.reyes", "", "y", "y");
    await session.handle("/loading");
    expect(printed.join("\n")).toContain("A person");
    expect(personSubmissions).toHaveLength(2);
    expect(personSubmissions[0]).toMatchObject({
      last: { v: { value: "Reyes" } },
      "username.2": { v: { value: "Tom Reyes!" } },
      phone: { v: { value: "call me" } },
    });
    expect(personSubmissions[0]).not.toHaveProperty("username");
    expect(printed).toContain("  ✗ Phone: Digits only.");
    expect(personSubmissions[1]).toMatchObject({
      last: { v: { value: "Reyes" } },
      "username.2": { v: { value: "tom.reyes" } },
      phone: { v: { value: null } },
    });
    expect(pressed).toEqual(["sure"]);
    expect(printed.some((l) => l.includes("Sure?"))).toBe(true);
  });

  it("brings back a form updated after its listener finished, and refuses the buttons of a deleted message", async () => {
    printed.length = 0;
    await session.handle("/slow");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(printed.slice(-2)).toEqual([
      "  (a form carebridge opened was updated: press Enter to see it)",
      "PROMPT carebridge (Jane)> ",
    ]);
    answers.push("later", "y");
    await session.handle("");
    expect(pressed).toContain("slow:later");

    await session.handle("/gone");
    const address = session.addressOf(/^Go$/)!;
    await session.handle(address);
    printed.length = 0;
    await session.handle(address);
    expect(printed).toEqual([`Message ${address.split(".")[0]} is no longer on screen, so its buttons are gone.`]);
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
