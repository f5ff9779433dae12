import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { checkMessage, checkView, type Verdict } from "./slack-rules";

/**
 * A local stand-in for the Slack Web API: enough of it for carebridge to run without Slack.
 * The console renders what arrives here; end-to-end tests read it back. It answers the
 * methods carebridge calls and records every call, response_url post and uploaded file.
 * It is as strict as Slack (../shared/slack-limits.md): a payload Slack would refuse is
 * refused here the same way, and kept in `rejections` for the tests to see.
 */

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  text: string;
  blocks: unknown[];
  /** Shown only to this user (chat.postEphemeral, an ephemeral response_url post). */
  ephemeralTo?: string;
  /** The response_url it came through, if any: a press on its buttons answers there. */
  responseUrl?: string;
}

export interface StoredFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  size: number;
  content: Buffer;
  url_private_download: string;
  channels: string[];
  user: string;
}

/** A call or response_url post refused as Slack would refuse it. */
export interface Rejection {
  method: string;
  args: Record<string, unknown>;
  error: string;
  messages: string[];
}

export interface StandInUser {
  id: string;
  name: string;
  realName: string;
  email: string;
  /** Their Slack time zone, e.g. America/Chicago. */
  tz?: string;
}

/** What Slack's authorize page grants for a code: a bot token in a workspace (OAuth mode). */
export interface StandInGrant {
  teamId: string;
  teamName: string;
  botToken: string;
  botUserId: string;
  installerId: string;
}

const JSON_ARGS = new Set(["blocks", "view", "attachments", "files", "metadata"]);

export class SlackStandIn extends EventEmitter {
  readonly calls: SlackCall[] = [];
  readonly messages: StoredMessage[] = [];
  readonly views = new Map<string, Record<string, unknown>>();
  readonly files = new Map<string, StoredFile>();
  readonly users = new Map<string, StandInUser>();
  /** Bytes served for a download instead of the file: to play Slack's HTML login page, say. */
  readonly downloadOverrides = new Map<string, { contentType: string; body: string }>();
  /** The file id of every download request, answered or not: tests check a refused upload is never fetched. */
  readonly downloads: string[] = [];
  /** Methods answered with this Slack error instead (views.update → not_found: the person closed the modal). */
  readonly failures = new Map<string, string>();
  /** The next call of a method refused with this error and pointers (then answered as usual): one refusal mid-flow. */
  readonly refuseNext = new Map<string, { error: string; messages?: string[] }>();
  /** Channels the bot has not been invited to: conversations.info says is_member false. */
  readonly botAbsentFrom = new Set<string>();
  /** Every payload refused for breaking Slack's rules; a test that means to send one takes it with takeRejections. */
  readonly rejections: Rejection[] = [];
  /** Codes oauth.v2.access exchanges once (client id and secret checked) for a workspace's token. */
  readonly grants = new Map<string, StandInGrant>();
  /** Bot tokens of the workspaces installed through oauth.v2.access, by token. */
  readonly installed = new Map<string, StandInGrant>();
  /** The OAuth app oauth.v2.access accepts; unset, it refuses every exchange. */
  oauthClient: { id: string; secret: string } | undefined;
  private server: Server | undefined;
  private counter = 0;
  private responseUrls = new Map<string, { channel: string; user: string }>();
  url = "";

  constructor(readonly options: { botToken: string; teamId: string; botUserId: string }) {
    super();
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private next(): string {
    this.counter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.counter).padStart(6, "0")}`;
  }

  /** A response_url for a slash command or button press by `user` in `channel`. */
  responseUrl(channel: string, user: string): string {
    const id = `R${++this.counter}`;
    this.responseUrls.set(id, { channel, user });
    return `${this.url}/response/${id}`;
  }

  addUser(user: StandInUser): void {
    this.users.set(user.id, user);
  }

  /** A file as Slack would hold it after someone uploaded it. */
  addFile(input: {
    name: string;
    content: Buffer | string;
    user: string;
    channel: string;
    mimetype?: string;
  }): StoredFile {
    const id = `F${++this.counter}`;
    const content = Buffer.isBuffer(input.content) ? input.content : Buffer.from(input.content);
    const filetype = input.name.includes(".") ? input.name.split(".").pop()!.toLowerCase() : "text";
    const file: StoredFile = {
      id,
      name: input.name,
      title: input.name,
      mimetype: input.mimetype ?? (filetype === "csv" ? "text/csv" : "application/octet-stream"),
      filetype,
      size: content.length,
      content,
      url_private_download: `${this.url}/files/${id}/${encodeURIComponent(input.name)}`,
      channels: [input.channel],
      user: input.user,
    };
    this.files.set(id, file);
    return file;
  }

  /** What `user` sees in `channel`, oldest first (ephemeral messages only to them). */
  visible(channel: string, user?: string): StoredMessage[] {
    return this.messages.filter((m) => m.channel === channel && (!m.ephemeralTo || m.ephemeralTo === user));
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const body = await readBody(req);
    const token = req.headers.authorization?.replace(/^Bearer /, "");
    if (url.pathname.startsWith("/api/")) {
      const args = parseArgs(body, req.headers["content-type"]);
      const method = url.pathname.slice("/api/".length);
      const call: SlackCall = { method, args, token: token ?? (args.token as string | undefined) };
      this.calls.push(call);
      const failure = this.failures.get(method);
      const refusal = this.refuseNext.get(method);
      this.refuseNext.delete(method);
      const team = this.teamOf(call.token);
      const result =
        method === "oauth.v2.access"
          ? this.exchange(args)
          : !team
            ? { ok: false, error: "invalid_auth" }
            : failure
              ? { ok: false, error: failure }
              : refusal
                ? { ok: false, error: refusal.error, response_metadata: { messages: refusal.messages ?? [] } }
                : (this.refusal(method, args) ?? this.answer(method, args, team));
      this.emit("call", call, result);
      return send(res, 200, result);
    }
    if (url.pathname.startsWith("/response/")) {
      const target = this.responseUrls.get(url.pathname.slice("/response/".length));
      if (!target) return send(res, 404, { ok: false, error: "expired_url" });
      const payload = JSON.parse(body.toString("utf8") || "{}") as Record<string, unknown>;
      const responseUrl = `${this.url}${url.pathname}`;
      const refused = payload.delete_original ? undefined : this.refusal("response_url", payload);
      if (refused) return send(res, 400, refused);
      this.postFromResponseUrl(target, payload, responseUrl);
      return send(res, 200, { ok: true });
    }
    if (url.pathname.startsWith("/files/")) {
      const id = url.pathname.split("/")[2] ?? "";
      this.downloads.push(id);
      const file = this.files.get(id);
      if (token !== this.options.botToken || !file) {
        res
          .writeHead(200, { "content-type": "text/html" })
          .end("<!DOCTYPE html><html><body>Sign in to Slack</body></html>");
        return;
      }
      const override = this.downloadOverrides.get(id);
      res
        .writeHead(200, { "content-type": override?.contentType ?? file.mimetype })
        .end(override?.body ?? file.content);
      return;
    }
    if (url.pathname.startsWith("/upload/")) {
      const id = url.pathname.slice("/upload/".length);
      const file = this.files.get(id);
      if (file) {
        file.content = await uploadedBytes(body, req.headers["content-type"]);
        file.size = file.content.length;
      }
      res.writeHead(200).end("OK");
      return;
    }
    res.writeHead(404).end();
  }

  /** The rejections so far, cleared: for a test that sends an invalid payload on purpose. */
  takeRejections(): Rejection[] {
    return this.rejections.splice(0);
  }

  private refusal(method: string, args: Record<string, unknown>): Record<string, unknown> | undefined {
    const verdict = verdictFor(method, args);
    if (!verdict || verdict.ok) return undefined;
    const { problems: _problems, ...answer } = verdict;
    this.rejections.push({ method, args, error: verdict.error, messages: verdict.response_metadata.messages });
    this.emit("rejection", this.rejections.at(-1));
    return answer;
  }

  private postFromResponseUrl(
    target: { channel: string; user: string },
    payload: Record<string, unknown>,
    responseUrl: string,
  ) {
    const message: StoredMessage = {
      channel: target.channel,
      ts: this.next(),
      text: String(payload.text ?? ""),
      blocks: (payload.blocks as unknown[]) ?? [],
      responseUrl,
      ...(payload.response_type === "in_channel" ? {} : { ephemeralTo: target.user }),
    };
    if (payload.delete_original) {
      const index = this.messages.findIndex((m) => m.responseUrl === responseUrl);
      if (index >= 0) this.messages.splice(index, 1);
      this.emit("response", { payload, message: undefined });
      return;
    }
    const original = payload.replace_original ? this.messages.find((m) => m.responseUrl === responseUrl) : undefined;
    if (original) Object.assign(original, { text: message.text, blocks: message.blocks });
    else this.messages.push(message);
    this.emit("response", { payload, message: original ?? message });
  }

  /** The workspace a token belongs to: the stand-in's own, or one installed through OAuth. */
  private teamOf(token: string | undefined): { teamId: string; botUserId: string } | undefined {
    if (token === this.options.botToken) return this.options;
    return token ? this.installed.get(token) : undefined;
  }

  /** oauth.v2.access: a granted code, once, for the OAuth app's own id and secret. */
  private exchange(args: Record<string, unknown>): Record<string, unknown> {
    if (!this.oauthClient || args.client_id !== this.oauthClient.id || args.client_secret !== this.oauthClient.secret) {
      return { ok: false, error: "invalid_client_id" };
    }
    const grant = this.grants.get(String(args.code));
    if (!grant) return { ok: false, error: "invalid_code" };
    this.grants.delete(String(args.code));
    this.installed.set(grant.botToken, grant);
    return {
      ok: true,
      app_id: "A0STANDIN",
      authed_user: { id: grant.installerId },
      scope: "commands,chat:write",
      token_type: "bot",
      access_token: grant.botToken,
      bot_user_id: grant.botUserId,
      team: { id: grant.teamId, name: grant.teamName },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  private answer(
    method: string,
    args: Record<string, unknown>,
    team: { teamId: string; botUserId: string },
  ): Record<string, unknown> {
    const { teamId, botUserId } = team;
    switch (method) {
      case "auth.test":
        return { ok: true, team_id: teamId, user_id: botUserId, bot_id: `B${teamId}`, url: this.url };
      case "chat.postMessage":
      case "chat.postEphemeral": {
        const message: StoredMessage = {
          channel: String(args.channel),
          ts: this.next(),
          text: String(args.text ?? ""),
          blocks: (args.blocks as unknown[]) ?? [],
          ...(args.thread_ts ? { threadTs: String(args.thread_ts) } : {}),
          ...(method === "chat.postEphemeral" ? { ephemeralTo: String(args.user) } : {}),
        };
        this.messages.push(message);
        return method === "chat.postMessage"
          ? { ok: true, channel: message.channel, ts: message.ts, message }
          : { ok: true, message_ts: message.ts };
      }
      case "chat.update": {
        const message = this.messages.find((m) => m.channel === args.channel && m.ts === args.ts);
        if (!message) return { ok: false, error: "message_not_found" };
        message.text = String(args.text ?? message.text);
        if (args.blocks) message.blocks = args.blocks as unknown[];
        return { ok: true, channel: message.channel, ts: message.ts };
      }
      case "views.open":
      case "views.push":
      case "views.publish":
      case "views.update": {
        const id = typeof args.view_id === "string" ? args.view_id : `V${++this.counter}`;
        const view = { ...(args.view as Record<string, unknown>), id, hash: `h${this.counter}` };
        this.views.set(id, view);
        return { ok: true, view };
      }
      case "users.info": {
        const user = this.users.get(String(args.user));
        return user
          ? {
              ok: true,
              user: {
                id: user.id,
                name: user.name,
                real_name: user.realName,
                ...(user.tz ? { tz: user.tz } : {}),
                profile: { email: user.email, real_name: user.realName },
              },
            }
          : { ok: false, error: "user_not_found" };
      }
      case "files.info": {
        const file = this.files.get(String(args.file));
        if (!file) return { ok: false, error: "file_not_found" };
        const { content: _content, ...meta } = file;
        return { ok: true, file: meta };
      }
      case "files.getUploadURLExternal": {
        const file = this.addFile({ name: String(args.filename), content: "", user: botUserId, channel: "" });
        return { ok: true, upload_url: `${this.url}/upload/${file.id}`, file_id: file.id };
      }
      case "files.completeUploadExternal": {
        const entries = (args.files as Array<{ id: string; title?: string }>) ?? [];
        const channel = String(args.channel_id ?? "");
        const done = entries.map((entry) => {
          const file = this.files.get(entry.id)!;
          file.channels = [channel];
          if (entry.title) file.title = entry.title;
          this.messages.push({
            channel,
            ts: this.next(),
            text: `${args.initial_comment ?? ""} [file: ${file.name}]`.trim(),
            blocks: [],
            ...(args.thread_ts ? { threadTs: String(args.thread_ts) } : {}),
          });
          return { id: file.id, name: file.name, title: file.title };
        });
        return { ok: true, files: done };
      }
      case "conversations.open": {
        // A direct message with one person: Slack answers the same D… id every time.
        const users = String(args.users ?? "")
          .split(",")
          .filter(Boolean);
        if (users.length !== 1)
          return { ok: false, error: users.length === 0 ? "users_list_not_supplied" : "not_implemented" };
        return { ok: true, channel: { id: `D${users[0]!.replace(/^[UW]/, "")}` } };
      }
      case "users.lookupByEmail": {
        const email = String(args.email ?? "").toLowerCase();
        const user = [...this.users.values()].find((u) => u.email.toLowerCase() === email);
        return user
          ? {
              ok: true,
              user: { id: user.id, name: user.name, real_name: user.realName, profile: { email: user.email } },
            }
          : { ok: false, error: "users_not_found" };
      }
      case "conversations.info":
        return { ok: true, channel: { id: args.channel, is_member: !this.botAbsentFrom.has(String(args.channel)) } };
      default:
        return { ok: true };
    }
  }
}

function verdictFor(method: string, args: Record<string, unknown>): Verdict | undefined {
  switch (method) {
    case "chat.postMessage":
    case "chat.postEphemeral":
    case "chat.update":
    case "chat.scheduleMessage":
    case "response_url":
      return checkMessage(args);
    case "views.open":
    case "views.push":
    case "views.update":
    case "views.publish":
      return checkView(args.view);
    default:
      return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The WebClient sends the file as multipart form data; Slack stores only the file's bytes. */
async function uploadedBytes(body: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.startsWith("multipart/form-data")) return body;
  const form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  const part = [...form.values()].find((v) => typeof v !== "string");
  return part && typeof part !== "string" ? Buffer.from(await part.arrayBuffer()) : body;
}

function parseArgs(body: Buffer, contentType: string | undefined): Record<string, unknown> {
  const text = body.toString("utf8");
  if (contentType?.includes("application/json")) return JSON.parse(text || "{}") as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    args[key] = JSON_ARGS.has(key) ? JSON.parse(value) : value;
  }
  return args;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
