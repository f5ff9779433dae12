import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { ConsoleReceiver } from "./receiver";
import { type Ask, askField, initialState, inputBlocks, type StateValues } from "./modal";
import { mrkdwnToText } from "./mrkdwn";
import { type Pressable, renderBlocks } from "./render";
import type { SlackCall, SlackStandIn, StoredMessage } from "./slack-standin";

type View = Record<string, unknown> & {
  id: string;
  blocks?: unknown[];
  title?: { text: string };
  callback_id?: string;
};

interface Source {
  pressable: Pressable;
  message?: StoredMessage;
  view?: View;
}

export interface SessionOptions {
  receiver: ConsoleReceiver;
  slack: SlackStandIn;
  teamId: string;
  userId: string;
  channelId: string;
  /** Where files carebridge uploads (reports, templates) are saved for the user to open. */
  filesDir: string;
  ask: Ask;
  print: (line: string) => void;
}

export const CONSOLE_HELP = [
  "Type a slash command as in Slack, e.g. /carebridge help, /sync-caregiver jane, /learner add",
  "  <number>        press that button",
  "  upload <path>   share a file (e.g. a CSV) in this channel",
  "  home            open carebridge's App Home",
  "  as <user id>    act as another Slack user (e.g. as U0VIEWER); `as` alone shows who you are",
  "  help            this list       quit   leave",
];

/**
 * The console transport: what a person would do in Slack, typed, sent to the same Bolt
 * listeners as the real app; what carebridge sends back, printed as text.
 */
export class ConsoleSession {
  private sources: Source[] = [];
  private pendingViews: View[] = [];
  private events = 0;
  userId: string;

  constructor(private readonly options: SessionOptions) {
    this.userId = options.userId;
    options.slack.on("call", (call: SlackCall) => this.onCall(call));
    options.slack.on("response", ({ message }: { message?: StoredMessage }) => {
      if (message) this.printMessage(message);
    });
  }

  /** Handles one line of input; false when the user wants to leave. */
  async handle(line: string): Promise<boolean> {
    const input = line.trim();
    if (!input) return true;
    const [word = "", ...rest] = input.split(/\s+/);
    if (word === "quit" || word === "exit") return false;
    if (word === "help" || word === "?") CONSOLE_HELP.forEach((l) => this.options.print(l));
    else if (word === "as") this.switchUser(rest[0]);
    else if (word === "home") await this.openHome();
    else if (word === "upload") await this.upload(rest.join(" "));
    else if (/^\d+$/.test(word)) await this.press(Number(word));
    else if (word.startsWith("/")) await this.command(word, rest.join(" "));
    else this.options.print(`Not understood: "${input}". Type help.`);
    await this.fillPendingViews();
    return true;
  }

  private readonly name = (userId: string) => this.options.slack.users.get(userId)?.name ?? userId;

  private get base() {
    return { team: { id: this.options.teamId }, user: { id: this.userId, team_id: this.options.teamId } };
  }

  private nextEventId(): string {
    this.events += 1;
    return `EvConsole${Date.now()}${this.events}`;
  }

  private switchUser(userId: string | undefined): void {
    if (userId) this.userId = userId.replace(/^@/, "");
    this.options.print(`You are ${this.userId}.`);
  }

  private async command(command: string, text: string): Promise<void> {
    this.sources = [];
    const { slack, channelId, teamId } = this.options;
    await this.options.receiver.dispatch({
      command,
      text,
      team_id: teamId,
      user_id: this.userId,
      channel_id: channelId,
      trigger_id: `console-${Date.now()}`,
      response_url: slack.responseUrl(channelId, this.userId),
    });
  }

  private async openHome(): Promise<void> {
    await this.dispatchEvent({ type: "app_home_opened", user: this.userId, channel: `D${this.userId}`, tab: "home" });
  }

  private async dispatchEvent(event: Record<string, unknown>): Promise<void> {
    await this.options.receiver.dispatch({
      type: "event_callback",
      team_id: this.options.teamId,
      event_id: this.nextEventId(),
      event_time: Math.floor(Date.now() / 1000),
      event,
    });
  }

  private async upload(path: string): Promise<void> {
    if (!path) return this.options.print("Say which file: upload ./learners.csv");
    let content: Buffer;
    try {
      content = readFileSync(path);
    } catch {
      return this.options.print(`Cannot read ${path}.`);
    }
    const { slack, channelId } = this.options;
    const file = slack.addFile({ name: basename(path), content, user: this.userId, channel: channelId });
    const ts = `${Math.floor(Date.now() / 1000)}.${String(this.events).padStart(6, "0")}`;
    const { content: _bytes, ...meta } = file;
    slack.messages.push({ channel: channelId, ts, text: `(you shared ${file.name})`, blocks: [] });
    await this.dispatchEvent({
      type: "message",
      subtype: "file_share",
      channel: channelId,
      user: this.userId,
      ts,
      text: "",
      files: [meta],
    });
    await this.dispatchEvent({
      type: "file_shared",
      file_id: file.id,
      user_id: this.userId,
      channel_id: channelId,
      event_ts: ts,
      file: { id: file.id },
    });
  }

  private async press(n: number): Promise<void> {
    const source = this.sources[n - 1];
    if (!source) return this.options.print(`There is no button ${n}.`);
    const { pressable, message, view } = source;
    if (pressable.url) return this.options.print(`Open: ${pressable.url}`);
    const action = {
      type: "button",
      action_id: pressable.actionId,
      block_id: pressable.blockId,
      value: pressable.value,
      action_ts: String(Date.now() / 1000),
    };
    const { channelId, slack } = this.options;
    const channel = message?.channel ?? channelId;
    this.sources = [];
    await this.options.receiver.dispatch({
      type: "block_actions",
      ...this.base,
      trigger_id: `console-${Date.now()}`,
      actions: [action],
      ...(view
        ? { view, container: { type: "view", view_id: view.id } }
        : {
            channel: { id: channel },
            container: {
              type: "message",
              message_ts: message?.ts,
              channel_id: channel,
              is_ephemeral: Boolean(message?.ephemeralTo),
            },
            message: { ts: message?.ts, text: message?.text, blocks: message?.blocks },
            response_url: message?.responseUrl ?? slack.responseUrl(channel, this.userId),
          }),
    });
  }

  private onCall(call: SlackCall): void {
    const { args, method } = call;
    const { slack } = this.options;
    if (method === "chat.postMessage" || method === "chat.postEphemeral" || method === "chat.update") {
      const latest =
        method === "chat.update"
          ? slack.messages.find((m) => m.channel === args.channel && m.ts === args.ts)
          : slack.messages.at(-1);
      if (latest && (!latest.ephemeralTo || latest.ephemeralTo === this.userId))
        this.printMessage(latest, method === "chat.update");
    } else if (method === "views.open" || method === "views.push") {
      const view = [...slack.views.values()].at(-1) as View | undefined;
      if (view) this.pendingViews.push(view);
    } else if (method === "views.publish") {
      const view = [...slack.views.values()].at(-1) as View | undefined;
      if (view) this.printView("App Home", view);
    } else if (method === "files.completeUploadExternal") {
      for (const entry of (args.files as Array<{ id: string }>) ?? []) this.saveFile(entry.id);
    }
  }

  private printMessage(message: StoredMessage, updated = false): void {
    const where = message.ephemeralTo ? "only you" : message.threadTs ? "in thread" : message.channel;
    const pressables: Pressable[] = [];
    const start = this.sources.length;
    const lines = message.blocks.length
      ? renderBlocks(message.blocks, pressables, this.name)
      : [mrkdwnToText(message.text, this.name)];
    const renumbered = this.renumber(lines, pressables, start);
    pressables.forEach((pressable) => this.sources.push({ pressable, message }));
    this.options.print(`${updated ? "↻" : "—"} carebridge (${where})`);
    renumbered.flatMap((l) => l.split("\n")).forEach((l) => this.options.print(`  ${l}`));
  }

  private printView(title: string, view: View): void {
    const pressables: Pressable[] = [];
    const start = this.sources.length;
    const lines = this.renumber(renderBlocks(view.blocks ?? [], pressables, this.name), pressables, start);
    pressables.forEach((pressable) => this.sources.push({ pressable, view }));
    this.options.print(`┌ ${title}`);
    lines.flatMap((l) => l.split("\n")).forEach((l) => this.options.print(`│ ${l}`));
    this.options.print("└");
  }

  /** renderBlocks numbers from 1; shift to follow the buttons already on screen. */
  private renumber(lines: string[], pressables: Pressable[], start: number): string[] {
    if (start === 0 || pressables.length === 0) return lines;
    return lines.map((l) => l.replace(/\[(\d+)\]/g, (_, n: string) => `[${Number(n) + start}]`));
  }

  private saveFile(id: string): void {
    const file = this.options.slack.files.get(id);
    if (!file) return;
    mkdirSync(this.options.filesDir, { recursive: true });
    const path = join(this.options.filesDir, file.name);
    writeFileSync(path, file.content);
    this.options.print(`  [file] ${file.title} — saved to ${path}`);
  }

  private async fillPendingViews(): Promise<void> {
    while (this.pendingViews.length > 0) {
      const view = this.pendingViews.shift()!;
      await this.fillModal(view);
    }
  }

  /** Fills a modal field by field, submits it, and asks again for the fields that came back with errors. */
  private async fillModal(opened: View): Promise<void> {
    const { ask, print, slack } = this.options;
    let view = opened;
    let values: StateValues = {};
    let only: Set<string> | undefined;
    for (;;) {
      const title = view.title?.text ?? "Form";
      this.printView(title, view);
      for (const block of inputBlocks(view)) {
        values[block.block_id] ??= { [block.element.action_id]: initialState(block) };
        if (only && !only.has(block.block_id)) continue;
        const current = values[block.block_id]![block.element.action_id]!;
        const answer = await askField(block, current, ask, print, (query) =>
          this.searchOptions(view, block.block_id, block.element.action_id, query),
        );
        values[block.block_id] = { [block.element.action_id]: answer };
        if (block.dispatch_action && answer !== current) {
          await this.options.receiver.dispatch({
            type: "block_actions",
            ...this.base,
            view: { ...view, state: { values } },
            container: { type: "view", view_id: view.id },
            actions: [{ ...answer, action_id: block.element.action_id, block_id: block.block_id }],
          });
          view = (slack.views.get(view.id) as View | undefined) ?? view;
        }
      }
      if (inputBlocks(view).length === 0) return;
      const choice = (await ask("  Submit? [Y/n] ")).trim().toLowerCase();
      if (choice === "n" || choice === "no") return print("  Closed without submitting.");
      const acked = (await this.options.receiver.dispatch({
        type: "view_submission",
        ...this.base,
        trigger_id: `console-${Date.now()}`,
        view: { ...view, state: { values } },
      })) as { response_action?: string; errors?: Record<string, string>; view?: View } | undefined;
      if (acked?.response_action === "errors" && acked.errors) {
        for (const [blockId, error] of Object.entries(acked.errors)) {
          const label = inputBlocks(view).find((b) => b.block_id === blockId)?.label.text ?? blockId;
          print(`  ✗ ${label}: ${error}`);
        }
        only = new Set(Object.keys(acked.errors));
        continue;
      }
      if ((acked?.response_action === "update" || acked?.response_action === "push") && acked.view) {
        view = { ...acked.view, id: view.id };
        values = {};
        only = undefined;
        continue;
      }
      return;
    }
  }

  private async searchOptions(view: View, blockId: string, actionId: string, value: string) {
    const response = (await this.options.receiver.dispatch({
      type: "block_suggestion",
      ...this.base,
      block_id: blockId,
      action_id: actionId,
      value,
      view,
    })) as { options?: Array<{ text: { text: string }; value: string }> } | undefined;
    return response?.options ?? [];
  }
}
