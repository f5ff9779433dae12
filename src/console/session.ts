import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { type Ending, ModalFiller } from "./form";
import type { Ask } from "./modal";
import { mrkdwnToText } from "./mrkdwn";
import type { ConsoleReceiver } from "./receiver";
import { type Pressable, renderBlocks } from "./render";
import { Screen, type Shown, type View } from "./screen";
import type { SlackCall, SlackStandIn, StoredMessage } from "./slack-standin";

export interface SessionOptions {
  receiver: ConsoleReceiver;
  slack: SlackStandIn;
  teamId: string;
  userId: string;
  channelId: string;
  /** The channel's name, as Slack shows it: `#console`. */
  channelName?: string;
  /** Where files carebridge uploads (reports, templates) are saved for the user to open. */
  filesDir: string;
  ask: Ask;
  print: (line: string) => void;
  /** Prints the prompt again after carebridge said something on its own (a job finished, say). */
  reprompt?: (prompt: string) => void;
}

export const CONSOLE_HELP = [
  "Type a slash command as in Slack, e.g. /carebridge help, /sync-caregiver jane, /learner add",
  "  3.2             press button 2 of message 3 (the number in brackets)",
  "  buttons         list every button you can press now",
  "  upload <path>   share a file (e.g. a CSV) in this channel",
  "  home            open carebridge's App Home",
  "  as <user id>    act as another Slack user (e.g. as U0VIEWER); `as` alone lists who is here",
  "  In a form: Enter keeps a value, - clears an optional one, e at Submit revisits every field",
  "  help            this list       quit   leave",
];

/**
 * The console transport: what a person would do in Slack, typed, sent to the same Bolt
 * listeners as the real app; what carebridge sends back, printed as text.
 */
export class ConsoleSession {
  private readonly screen = new Screen();
  private readonly opened: string[] = [];
  /** Modals still up without a submit button (a "Loading…" view): a later views.update brings them back. */
  private readonly lingering = new Set<string>();
  private readonly filler: ModalFiller;
  private busy = 0;
  private events = 0;
  userId: string;

  constructor(private readonly options: SessionOptions) {
    this.userId = options.userId;
    this.filler = new ModalFiller({
      receiver: options.receiver,
      slack: options.slack,
      ask: options.ask,
      print: options.print,
      base: () => this.base,
      showView: (view) => this.printView(view.title?.text ?? "Form", view, `view:${view.id}`, this.userId),
      pressIn: (view, answer) => this.pressInView(view, answer),
      nextOpened: () => this.opened.shift(),
      ended: (id, ending) => this.viewEnded(id, ending),
    });
    options.slack.on("call", (call: SlackCall, result: Record<string, unknown>) => this.onCall(call, result));
    options.slack.on(
      "response",
      ({ message, payload }: { message?: StoredMessage; payload: Record<string, unknown> }) => {
        if (message) this.printMessage(message, Boolean(payload.replace_original));
        this.afterOwnWords();
      },
    );
  }

  /** What the prompt says: who you are. */
  get prompt(): string {
    return `carebridge (${this.name(this.userId)})> `;
  }

  /** Handles one line of input; false when the user wants to leave. */
  async handle(line: string): Promise<boolean> {
    this.busy += 1;
    try {
      const input = line.trim();
      const [word = "", ...rest] = input.split(/\s+/);
      if (word === "quit" || word === "exit") return false;
      if (!input) {
        // Enter alone: a form that came back meanwhile (a modal updated after a slow job).
      } else if (word === "help" || word === "?") CONSOLE_HELP.forEach((l) => this.options.print(l));
      else if (word === "as") this.switchUser(rest[0]);
      else if (word === "buttons") this.listButtons();
      else if (word === "home") await this.openHome();
      else if (word === "upload") await this.upload(rest.join(" "));
      else if (/^\d+(\.\d+)?$/.test(word)) await this.pressAddress(word);
      else if (word.startsWith("/")) await this.command(word, rest.join(" "));
      else this.options.print(`Not understood: "${input}". Type help.`);
      await this.filler.fillOpened();
      return true;
    } finally {
      this.busy -= 1;
    }
  }

  /** A user's or channel's name as Slack shows it. */
  readonly name = (id: string): string => {
    const user = this.options.slack.users.get(id);
    if (user) return user.realName || user.name;
    if (id === this.options.channelId) return this.options.channelName ?? id;
    const dmWith = [...this.options.slack.users.values()].find((u) => id === `D${u.id.replace(/^[UW]/, "")}`);
    return dmWith ? `direct message with ${dmWith.realName || dmWith.name}` : id;
  };

  private get base() {
    return { team: { id: this.options.teamId }, user: { id: this.userId, team_id: this.options.teamId } };
  }

  private nextEventId(): string {
    this.events += 1;
    return `EvConsole${Date.now()}${this.events}`;
  }

  private afterOwnWords(): void {
    if (this.busy === 0) this.options.reprompt?.(this.prompt);
  }

  private switchUser(userId: string | undefined): void {
    const { print, slack } = this.options;
    if (!userId) {
      for (const user of slack.users.values())
        print(`  ${user.id}  ${user.realName || user.name}${user.id === this.userId ? "  (you)" : ""}`);
      return print(`You are ${this.name(this.userId)} (${this.userId}).`);
    }
    this.userId = userId.replace(/^@/, "");
    print(
      slack.users.has(this.userId)
        ? `You are ${this.name(this.userId)} (${this.userId}).`
        : `You are ${this.userId}, someone Slack has no profile for.`,
    );
  }

  private async command(command: string, text: string): Promise<void> {
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
    slack.messages.push({
      channel: channelId,
      ts,
      text: `(${this.name(this.userId)} shared ${file.name})`,
      blocks: [],
    });
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

  private stillThere = (shown: Shown): boolean => !shown.message || this.options.slack.messages.includes(shown.message);

  private listButtons(): void {
    const { print } = this.options;
    const shown = this.screen.pressable(this.userId, this.stillThere);
    if (shown.length === 0) return print("Nothing to press on screen.");
    for (const s of shown) {
      const what = s.view ? (s.view.title?.text ?? "App Home") : firstLine(s.message!, this.name);
      print(`  ${s.number}: ${what}`);
      print(`    ${s.pressables.map((p, i) => `[${s.number}.${i + 1}] ${p.label}`).join("   ")}`);
    }
  }

  /** The address of the newest button you can press whose label matches, e.g. for a scripted tour. */
  addressOf(label: RegExp, options: { unconfirmed?: boolean } = {}): string | undefined {
    for (const shown of this.screen.pressable(this.userId, this.stillThere).reverse()) {
      const index = shown.pressables.findIndex(
        (p) => label.test(p.label) && !(options.unconfirmed === true && p.confirm !== undefined),
      );
      if (index >= 0) return `${shown.number}.${index + 1}`;
    }
    return undefined;
  }

  /** The button at `address` (`3.2`), or why it cannot be pressed. */
  private find(address: string): { shown: Shown; pressable: Pressable } | string {
    const [n = "", k] = address.split(".");
    const shown = this.screen.get(Number(n));
    if (k === undefined)
      return shown && shown.pressables.length === 1
        ? { shown, pressable: shown.pressables[0]! }
        : `Type a button's address, like ${n}.1: message number, dot, button number (buttons lists them).`;
    if (!shown || shown.pressables.length === 0) return `Nothing numbered ${n} has buttons (buttons lists them).`;
    if (shown.closed || !this.stillThere(shown)) return `Message ${n} is no longer on screen, so its buttons are gone.`;
    if (shown.owner && shown.owner !== this.userId)
      return `Message ${n} is shown only to ${this.name(shown.owner)}; you are ${this.name(this.userId)}.`;
    const pressable = shown.pressables[Number(k) - 1];
    if (!pressable)
      return `Message ${n} has no button ${k}; its buttons are ${shown.pressables.map((_, i) => `${n}.${i + 1}`).join(", ")}.`;
    return { shown, pressable };
  }

  private async pressAddress(address: string): Promise<void> {
    const found = this.find(address);
    if (typeof found === "string") return this.options.print(found);
    await this.press(found.shown, found.pressable);
  }

  /** An answer at a modal's Submit question that is the address of one of its buttons. */
  private async pressInView(view: View, answer: string): Promise<boolean> {
    if (!/^\d+(\.\d+)?$/.test(answer) || Number(answer.split(".")[0]) !== this.screen.numberOf(`view:${view.id}`))
      return false;
    await this.pressAddress(answer);
    return true;
  }

  private async press(shown: Shown, pressable: Pressable): Promise<void> {
    const { print, ask, slack, channelId } = this.options;
    if (pressable.url) return print(`Open: ${pressable.url}`);
    if (pressable.confirm) {
      const c = pressable.confirm;
      print(`  ${c.title?.text ?? "Are you sure?"} — ${mrkdwnToText(c.text.text, this.name)}`);
      const yes = c.confirm?.text ?? "Yes";
      const answer = ((await ask(`  ${yes}? [y/N] `)) ?? "").trim().toLowerCase();
      if (answer !== "y" && answer !== "yes") return print(`  ${c.deny?.text ?? "Cancel"}: nothing pressed.`);
    }
    const action = {
      type: "button",
      action_id: pressable.actionId,
      block_id: pressable.blockId,
      value: pressable.value,
      text: { type: "plain_text", text: pressable.label },
      action_ts: String(Date.now() / 1000),
    };
    const { message, view } = shown;
    const body = { type: "block_actions", ...this.base, trigger_id: `console-${Date.now()}`, actions: [action] };
    if (view) {
      const latest = (slack.views.get(view.id) as View | undefined) ?? view;
      await this.options.receiver.dispatch({ ...body, view: latest, container: { type: "view", view_id: view.id } });
      return;
    }
    const channel = message?.channel ?? channelId;
    // Slack gives every press a response_url of its own, whose replace_original replaces the message pressed
    // (not another message that came through the same slash command's response_url).
    if (message) message.responseUrl = slack.responseUrl(channel, this.userId);
    await this.options.receiver.dispatch({
      ...body,
      channel: { id: channel },
      container: {
        type: "message",
        message_ts: message?.ts,
        channel_id: channel,
        is_ephemeral: Boolean(message?.ephemeralTo),
      },
      message: { ts: message?.ts, text: message?.text, blocks: message?.blocks },
      response_url: message?.responseUrl ?? slack.responseUrl(channel, this.userId),
    });
  }

  private onCall(call: SlackCall, result: Record<string, unknown>): void {
    const { args, method } = call;
    const { slack } = this.options;
    if (!result.ok) return;
    if (method === "chat.postMessage" || method === "chat.postEphemeral" || method === "chat.update") {
      const ts = String(result.ts ?? result.message_ts);
      const channel = String(result.channel ?? args.channel);
      const message = slack.messages.find((m) => m.ts === ts && m.channel === channel);
      if (message) this.printMessage(message, method === "chat.update");
      this.afterOwnWords();
    } else if (method === "views.open" || method === "views.push") {
      this.opened.push(String((result.view as View).id));
    } else if (method === "views.publish") {
      const view = result.view as View;
      this.printView("App Home", view, `home:${String(args.user_id)}`, String(args.user_id));
      this.afterOwnWords();
    } else if (method === "views.update") {
      const id = String((result.view as View).id);
      // An open form reads its latest view itself; one left on screen comes back when updated.
      if (this.busy === 0 && this.lingering.delete(id)) {
        this.opened.push(id);
        this.options.print("  (a form carebridge opened was updated: press Enter to see it)");
        this.afterOwnWords();
      }
    } else if (method === "files.completeUploadExternal") {
      for (const entry of (args.files as Array<{ id: string }>) ?? []) this.saveFile(entry.id);
      this.afterOwnWords();
    }
  }

  private viewEnded(id: string, ending: Ending | "shown"): void {
    if (ending === "shown") this.lingering.add(id);
    else this.screen.close(`view:${id}`);
  }

  private printMessage(message: StoredMessage, updated = false): void {
    const { print } = this.options;
    const owner = message.ephemeralTo ?? this.dmOwner(message.channel);
    if (owner && owner !== this.userId) {
      print(`  (carebridge told ${this.name(owner)} something privately: \`as ${owner}\` to read it)`);
      return;
    }
    const where = message.ephemeralTo
      ? "only you"
      : `${message.channel.startsWith("D") ? "" : "#"}${this.name(message.channel)}${message.threadTs ? ", in thread" : ""}`;
    const shown = this.screen.place(message, { pressables: [], message, ...(owner ? { owner } : {}) });
    const pressables: Pressable[] = [];
    const lines = message.blocks.length
      ? renderBlocks(message.blocks, pressables, this.name, `${shown.number}.`)
      : [mrkdwnToText(message.text, this.name)];
    shown.pressables = pressables;
    print(`${updated ? "↻" : "—"} ${shown.number} carebridge (${where})${updated ? " updated" : ""}`);
    lines.flatMap((l) => l.split("\n")).forEach((l) => print(`  ${l}`));
  }

  /** The person a direct-message channel belongs to. */
  private dmOwner(channel: string): string | undefined {
    if (!channel.startsWith("D")) return undefined;
    return [...this.options.slack.users.keys()].find((id) => channel === `D${id.replace(/^[UW]/, "")}`);
  }

  private printView(title: string, view: View, key: string, owner: string): void {
    const { print } = this.options;
    const shown = this.screen.place(key, { pressables: [], view, owner });
    const pressables: Pressable[] = [];
    const lines = renderBlocks(view.blocks ?? [], pressables, this.name, `${shown.number}.`);
    shown.pressables = pressables;
    print(`┌ ${shown.number} ${title}`);
    lines.flatMap((l) => l.split("\n")).forEach((l) => print(`│ ${l}`));
    print("└");
  }

  private saveFile(id: string): void {
    const file = this.options.slack.files.get(id);
    if (!file) return;
    mkdirSync(this.options.filesDir, { recursive: true });
    const path = join(this.options.filesDir, file.name);
    writeFileSync(path, file.content);
    this.options.print(`  [file] ${file.title} — saved to ${path}`);
  }
}

function firstLine(message: StoredMessage, names: (id: string) => string): string {
  const lines = message.blocks.length ? renderBlocks(message.blocks, [], names) : [message.text];
  const line = mrkdwnToText(lines.flatMap((l) => l.split("\n")).find((l) => l.trim()) ?? "", names).trim();
  return line.length > 70 ? `${line.slice(0, 69)}…` : line;
}
