import { describe, expect, it } from "vitest";
import { checkMessage, checkView, checkViewAck, LIMITS } from "../../src/console/slack-rules";

const plain = (text: string) => ({ type: "plain_text", text });
const md = (text: string) => ({ type: "mrkdwn", text });
const section = (text: string, extra: Record<string, unknown> = {}) => ({ type: "section", text: md(text), ...extra });
const button = (extra: Record<string, unknown> = {}) => ({
  type: "button",
  text: plain("Go"),
  action_id: "go",
  ...extra,
});
const x = (n: number) => "x".repeat(n);

function refused(verdict: ReturnType<typeof checkMessage>) {
  if (verdict.ok) throw new Error("expected a refusal");
  return { error: verdict.error, messages: verdict.response_metadata.messages };
}

describe("messages", () => {
  it("accepts a plain message and one with ordinary blocks", () => {
    expect(checkMessage({ text: "hi" })).toEqual({ ok: true });
    expect(checkMessage({ text: "hi", blocks: [section("hi"), { type: "divider" }] })).toEqual({ ok: true });
  });

  it("refuses more than 50 blocks, naming the list", () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: "divider" }));
    expect(refused(checkMessage({ blocks }))).toEqual({
      error: "invalid_blocks",
      messages: ["[ERROR] must provide at most 50 items [json-pointer:/blocks]"],
    });
  });

  it("refuses a text object of 0 or over 3,000 characters, counting code points", () => {
    expect(refused(checkMessage({ blocks: [section("")] })).messages[0]).toContain("/blocks/0/text/text");
    expect(refused(checkMessage({ blocks: [section(x(3001))] })).messages).toEqual([
      "[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]",
    ]);
    expect(checkMessage({ blocks: [section("😀".repeat(3000))] }).ok).toBe(true);
  });

  it("allows emoji only on plain_text and verbatim only on mrkdwn", () => {
    expect(
      refused(checkMessage({ blocks: [{ type: "section", text: { ...md("a"), emoji: true } }] })).messages[0],
    ).toContain("/blocks/0/text/emoji");
    expect(
      refused(checkMessage({ blocks: [{ type: "header", text: { ...plain("a"), verbatim: true } }] })).messages[0],
    ).toContain("/blocks/0/text/verbatim");
  });

  it("limits section fields to 10 of 2,000 characters", () => {
    const fields = (n: number, len = 5) => Array.from({ length: n }, () => md(x(len)));
    expect(checkMessage({ blocks: [{ type: "section", fields: [...fields(9), md(x(2000))] }] }).ok).toBe(true);
    expect(refused(checkMessage({ blocks: [{ type: "section", fields: fields(11) }] })).messages[0]).toContain(
      "/blocks/0/fields",
    );
    expect(refused(checkMessage({ blocks: [{ type: "section", fields: fields(1, 2001) }] })).messages[0]).toContain(
      "/blocks/0/fields/0/text",
    );
  });

  it("wants a header in plain_text of at most 150 characters", () => {
    expect(checkMessage({ blocks: [{ type: "header", text: plain(x(150)) }] }).ok).toBe(true);
    expect(refused(checkMessage({ blocks: [{ type: "header", text: plain(x(151)) }] })).messages[0]).toContain(
      "/blocks/0/text/text",
    );
    expect(refused(checkMessage({ blocks: [{ type: "header", text: md("a") }] })).messages[0]).toContain(
      "/blocks/0/text/type",
    );
  });

  it("limits context to 10 elements and actions to 25", () => {
    const context = { type: "context", elements: Array.from({ length: 11 }, () => md("a")) };
    expect(refused(checkMessage({ blocks: [context] })).messages[0]).toContain("/blocks/0/elements");
    const many = Array.from({ length: 26 }, (_, i) => button({ action_id: `a${i}` }));
    expect(refused(checkMessage({ blocks: [{ type: "actions", elements: many }] })).messages[0]).toContain(
      "/blocks/0/elements",
    );
  });

  it("limits a button's text, action_id, value and url", () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ text: plain(x(76)) }, "/text/text"],
      [{ action_id: x(256) }, "/action_id"],
      [{ value: x(2001) }, "/value"],
      [{ url: x(3001) }, "/url"],
    ];
    for (const [extra, path] of cases)
      expect(refused(checkMessage({ blocks: [{ type: "actions", elements: [button(extra)] }] })).messages[0]).toContain(
        `/blocks/0/elements/0${path}`,
      );
    expect(
      checkMessage({ blocks: [{ type: "actions", elements: [button({ text: plain(x(75)), value: x(2000) })] }] }).ok,
    ).toBe(true);
  });

  it("limits a confirm dialog: title 100, text 300, confirm and deny 30", () => {
    const confirm = (over: Record<string, unknown>) => ({
      title: plain("Sure?"),
      text: md("Really."),
      confirm: plain("Yes"),
      deny: plain("No"),
      ...over,
    });
    const at = (c: Record<string, unknown>) =>
      checkMessage({ blocks: [{ type: "actions", elements: [button({ confirm: confirm(c) })] }] });
    expect(at({}).ok).toBe(true);
    expect(at({ text: md(x(300)) }).ok).toBe(true);
    expect(refused(at({ text: md(x(301)) })).messages).toEqual([
      "[ERROR] must be less than 301 characters [json-pointer:/blocks/0/elements/0/confirm/text/text]",
    ]);
    expect(refused(at({ title: plain(x(101)) })).messages[0]).toContain("/confirm/title/text");
    expect(refused(at({ confirm: plain(x(31)) })).messages[0]).toContain("/confirm/confirm/text");
    expect(refused(at({ deny: plain(x(31)) })).messages[0]).toContain("/confirm/deny/text");
  });

  it("wants block_ids unique and at most 255 characters, action_ids unique within a block", () => {
    expect(
      refused(checkMessage({ blocks: [section("a", { block_id: "b" }), section("c", { block_id: "b" })] })).messages,
    ).toEqual(["[ERROR] Block ID needs to be unique [json-pointer:/blocks/1/block_id]"]);
    expect(refused(checkMessage({ blocks: [section("a", { block_id: x(256) })] })).messages[0]).toContain(
      "/blocks/0/block_id",
    );
    const twice = { type: "actions", elements: [button(), button()] };
    expect(refused(checkMessage({ blocks: [twice] })).messages[0]).toContain("/blocks/0/elements/1/action_id");
  });

  it("limits static selects, options and option groups", () => {
    const option = (text: string, value = "v") => ({ text: plain(text), value });
    const select = (extra: Record<string, unknown>) => ({
      type: "section",
      text: md("pick"),
      accessory: { type: "static_select", action_id: "s", ...extra },
    });
    const options = (n: number) => Array.from({ length: n }, (_, i) => option(`o${i}`, `v${i}`));
    expect(checkMessage({ blocks: [select({ options: options(100) })] }).ok).toBe(true);
    expect(refused(checkMessage({ blocks: [select({ options: options(101) })] })).messages[0]).toContain(
      "/accessory/options",
    );
    expect(refused(checkMessage({ blocks: [select({ options: [option(x(76))] })] })).messages[0]).toContain(
      "/options/0/text/text",
    );
    expect(refused(checkMessage({ blocks: [select({ options: [option("a", x(151))] })] })).messages[0]).toContain(
      "/options/0/value",
    );
    expect(
      refused(checkMessage({ blocks: [select({ options: [{ ...option("a"), description: plain(x(76)) }] })] }))
        .messages[0],
    ).toContain("/options/0/description/text");
    expect(
      refused(checkMessage({ blocks: [select({ options: options(2), placeholder: plain(x(151)) })] })).messages[0],
    ).toContain("/accessory/placeholder/text");
    expect(
      refused(checkMessage({ blocks: [select({ options: options(2), initial_option: option("other", "v9") })] }))
        .messages[0],
    ).toContain("/accessory/initial_option");
    const group = (label: string, n: number) => ({ label: plain(label), options: options(n) });
    expect(refused(checkMessage({ blocks: [select({ option_groups: [group(x(76), 1)] })] })).messages[0]).toContain(
      "/option_groups/0/label/text",
    );
    expect(refused(checkMessage({ blocks: [select({ option_groups: [group("g", 101)] })] })).messages[0]).toContain(
      "/option_groups/0/options",
    );
  });

  it("wants 2 to 5 overflow options and at most 10 checkboxes or radio buttons", () => {
    const opts = (n: number) => Array.from({ length: n }, (_, i) => ({ text: plain(`o${i}`), value: `v${i}` }));
    const accessory = (type: string, n: number) => ({
      type: "section",
      text: md("a"),
      accessory: { type, action_id: "a", options: opts(n) },
    });
    expect(refused(checkMessage({ blocks: [accessory("overflow", 1)] })).messages[0]).toContain("/accessory/options");
    expect(refused(checkMessage({ blocks: [accessory("overflow", 6)] })).messages[0]).toContain("/accessory/options");
    expect(refused(checkMessage({ blocks: [accessory("checkboxes", 11)] })).messages[0]).toContain(
      "/accessory/options",
    );
    expect(refused(checkMessage({ blocks: [accessory("radio_buttons", 11)] })).messages[0]).toContain(
      "/accessory/options",
    );
    expect(checkMessage({ blocks: [accessory("overflow", 5)] }).ok).toBe(true);
  });

  it("refuses a message whose blocks total more than about 12,000 characters", () => {
    const blocks = Array.from({ length: 5 }, () => section(x(2500)));
    expect(refused(checkMessage({ blocks })).error).toBe("msg_blocks_too_long");
    expect(checkMessage({ blocks: blocks.slice(0, 4) }).ok).toBe(true);
  });

  it("warns, and does not refuse, a top-level text over 40,000 characters", () => {
    expect(checkMessage({ text: x(LIMITS.messageText + 1) })).toEqual({ ok: true, warning: "message_truncated" });
  });
});

describe("views", () => {
  const modal = (extra: Record<string, unknown> = {}) => ({
    type: "modal",
    title: plain("Title"),
    blocks: [],
    ...extra,
  });
  const input = (blockId: string) => ({
    type: "input",
    block_id: blockId,
    label: plain("Name"),
    element: { type: "plain_text_input", action_id: "v" },
  });

  it("accepts a modal and a home tab", () => {
    expect(checkView(modal({ submit: plain("Save"), blocks: [input("a")] })).ok).toBe(true);
    expect(checkView({ type: "home", blocks: [section("hi")] }).ok).toBe(true);
  });

  it("limits title, submit and close to 24 characters and wants submit with inputs", () => {
    expect(refused(checkView(modal({ title: plain(x(25)) }))).messages[0]).toContain("/view/title/text");
    expect(refused(checkView(modal({ submit: plain(x(25)) }))).messages[0]).toContain("/view/submit/text");
    expect(refused(checkView(modal({ close: plain(x(25)) }))).messages[0]).toContain("/view/close/text");
    expect(refused(checkView(modal({ blocks: [input("a")] })))).toEqual({
      error: "invalid_arguments",
      messages: ["[ERROR] is required when the view has input blocks [json-pointer:/view/submit]"],
    });
  });

  it("allows 100 blocks in a view, not 101", () => {
    const blocks = (n: number) => Array.from({ length: n }, () => ({ type: "divider" }));
    expect(checkView(modal({ blocks: blocks(100) })).ok).toBe(true);
    expect(refused(checkView(modal({ blocks: blocks(101) }))).messages[0]).toContain("/view/blocks");
    expect(refused(checkView({ type: "home", blocks: blocks(101) })).messages[0]).toContain("/view/blocks");
  });

  it("limits private_metadata to 3,000 and callback_id to 255 characters", () => {
    expect(refused(checkView(modal({ private_metadata: x(3001) }))).messages[0]).toContain("/view/private_metadata");
    expect(refused(checkView(modal({ callback_id: x(256) }))).messages[0]).toContain("/view/callback_id");
  });

  it("limits input label and hint, text input max_length and placeholder, datepicker dates", () => {
    const view = (over: Record<string, unknown>, element: Record<string, unknown> = {}) =>
      modal({
        submit: plain("Go"),
        blocks: [{ ...input("a"), ...over, element: { type: "plain_text_input", action_id: "v", ...element } }],
      });
    expect(refused(checkView(view({ label: plain(x(2001)) }))).messages[0]).toContain("/view/blocks/0/label/text");
    expect(refused(checkView(view({ hint: plain(x(2001)) }))).messages[0]).toContain("/view/blocks/0/hint/text");
    expect(refused(checkView(view({}, { max_length: 3001 }))).messages[0]).toContain("/element/max_length");
    expect(refused(checkView(view({}, { placeholder: plain(x(151)) }))).messages[0]).toContain(
      "/element/placeholder/text",
    );
    expect(refused(checkView(view({}, { type: "datepicker", initial_date: "12/31/2026" }))).messages[0]).toContain(
      "/element/initial_date",
    );
    expect(checkView(view({}, { type: "datepicker", initial_date: "2026-12-31" })).ok).toBe(true);
  });
});

describe("view_submission acks", () => {
  const view = {
    type: "modal",
    title: plain("T"),
    submit: plain("Go"),
    blocks: [
      section("intro", { block_id: "intro" }),
      {
        type: "input",
        block_id: "email",
        label: plain("Email"),
        element: { type: "plain_text_input", action_id: "v" },
      },
    ],
  };

  it("accepts an empty ack, errors on input blocks, and a valid update", () => {
    expect(checkViewAck({}, view).ok).toBe(true);
    expect(checkViewAck({ response_action: "errors", errors: { email: "Not an email" } }, view).ok).toBe(true);
    expect(checkViewAck({ response_action: "update", view }, view).ok).toBe(true);
  });

  it("refuses errors on a block that is not an input of the view", () => {
    expect(
      refused(checkViewAck({ response_action: "errors", errors: { intro: "x", nope: "y" } }, view)).messages,
    ).toEqual([
      "[ERROR] must be the block_id of an input block in the view [json-pointer:/errors/intro]",
      "[ERROR] must be the block_id of an input block in the view [json-pointer:/errors/nope]",
    ]);
  });

  it("refuses an update or push whose view Slack would refuse", () => {
    const bad = { ...view, title: plain(x(25)) };
    expect(refused(checkViewAck({ response_action: "update", view: bad }, view)).messages[0]).toContain(
      "/view/title/text",
    );
    expect(refused(checkViewAck({ response_action: "push", view: bad }, view)).error).toBe("invalid_arguments");
  });
});
