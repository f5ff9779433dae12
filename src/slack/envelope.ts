import { z } from "zod";

/**
 * The shape every request carebridge acts on must have before Bolt sees it. Bolt trusts a signed
 * body: `null` crashes its receiver, a payload without a user fails deep inside a listener. A body
 * that does not fit is refused with 400, whoever signed it. Fields are loose where carebridge
 * does not read them; where it does, their types are checked here once.
 */

/**
 * Slack's ids (T…, U…, C…, V…) are a capital, then capitals and digits. Bolt keys objects by the team id, so
 * "__proto__" or "constructor" there would reach Object.prototype.
 */
const id = z.string().regex(/^[A-Z][A-Z0-9]{1,63}$/);
const eventId = z.string().regex(/^Ev[A-Za-z0-9]{1,64}$/);
const option = z.looseObject({ value: z.string() });

/** A selected value as block_actions and view state carry it: only the fields carebridge reads. */
const element = {
  type: z.string(),
  value: z.string().nullish(),
  selected_option: option.nullish(),
  selected_options: z.array(option).optional(),
  selected_date: z.string().nullish(),
  selected_user: z.string().nullish(),
  selected_users: z.array(z.string()).optional(),
  selected_conversation: z.string().nullish(),
  selected_channel: z.string().nullish(),
};

const view = z.looseObject({
  id,
  callback_id: z.string(),
  private_metadata: z.string().optional(),
  hash: z.string().optional(),
  blocks: z.array(z.looseObject({ type: z.string(), block_id: z.string().optional() })),
  state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), z.looseObject(element))) }).optional(),
});

/** Who acts: Slack always names the user, and the workspace on the team or the user. */
const interactive = {
  user: z.looseObject({ id, team_id: id.optional() }),
  team: z.looseObject({ id }).nullish(),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
  // Bolt reads channel.id whenever `channel` is present, so present means an object.
  channel: z.looseObject({ id }).optional(),
};

const slashCommand = z.looseObject({
  command: z.string().regex(/^\/\S+$/),
  text: z.string(),
  team_id: id,
  user_id: id,
  channel_id: id,
  trigger_id: z.string(),
  response_url: z.string(),
});

const innerEvent = z.union([
  z.looseObject({
    type: z.literal("message"),
    subtype: z.string().optional(),
    channel: id,
    channel_type: z.string().optional(),
    user: id.optional(),
    ts: z.string(),
    thread_ts: z.string().optional(),
    files: z
      .array(z.looseObject({ id, name: z.string().nullish(), url_private_download: z.string().optional() }))
      .optional(),
  }),
  z.looseObject({ type: z.literal("app_home_opened"), user: id, channel: id.optional(), tab: z.string().optional() }),
  z.looseObject({ type: z.literal("app_uninstalled") }),
  z.looseObject({
    type: z.literal("tokens_revoked"),
    tokens: z.looseObject({ oauth: z.array(z.string()).optional(), bot: z.array(z.string()).optional() }),
  }),
]);

const payloads = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("url_verification"), challenge: z.string() }),
  z.looseObject({ type: z.literal("event_callback"), team_id: id, event_id: eventId, event: innerEvent }),
  z.looseObject({ type: z.literal("app_rate_limited"), team_id: id }),
  z.looseObject({
    type: z.literal("block_actions"),
    ...interactive,
    actions: z.array(z.looseObject({ ...element, action_id: z.string(), block_id: z.string().optional() })).min(1),
    message: z.looseObject({ ts: z.string(), blocks: z.array(z.unknown()).optional() }).optional(),
    container: z.looseObject({ channel_id: z.string().optional() }).optional(),
    view: view.optional(),
  }),
  z.looseObject({ type: z.literal("block_suggestion"), ...interactive, action_id: z.string(), value: z.string() }),
  z.looseObject({ type: z.literal("view_submission"), ...interactive, view }),
  z.looseObject({ type: z.literal("view_closed"), ...interactive, view }),
  z.looseObject({ type: z.literal("shortcut"), ...interactive, callback_id: z.string(), trigger_id: z.string() }),
  z.looseObject({ type: z.literal("message_action"), ...interactive, callback_id: z.string(), trigger_id: z.string() }),
]);

/**
 * Bolt routes a body by the first of these keys it carries, whatever its `type` says: a
 * view_submission that also carries `command` would reach the command listeners.
 */
const ROUTING_KEYS = ["event", "command", "name", "actions"] as const;
const ALLOWED_ROUTING: Record<string, readonly string[]> = {
  command: ["command"],
  event_callback: ["event"],
  block_actions: ["actions"],
};

/** The events carebridge listens to (manifest.yml subscribes to no others). */
const HEARD_EVENTS = new Set(["message", "app_home_opened", "app_uninstalled", "tokens_revoked"]);

/**
 * A signed event carebridge has no listener for: acknowledged (Slack retries anything else) and
 * dropped before Bolt, which would read fields of it that no one has checked.
 */
export function unheardEvent(body: unknown): boolean {
  const { type, event } = (typeof body === "object" && body !== null ? body : {}) as {
    type?: unknown;
    event?: unknown;
  };
  const eventType = typeof event === "object" && event !== null ? (event as { type?: unknown }).type : undefined;
  return type === "event_callback" && typeof eventType === "string" && !HEARD_EVENTS.has(eventType);
}

/** Why the parsed body is not a request carebridge can act on; undefined when it is. */
export function envelopeProblem(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "the body is not an object";
  const fields = body as Record<string, unknown>;
  const kind = "command" in fields ? "command" : String(fields.type).slice(0, 40);
  const parsed = kind === "command" ? slashCommand.safeParse(body) : payloads.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${kind}: ${issue?.path.join(".") || "type"} ${issue?.message ?? "is not valid"}`;
  }
  const allowed = ALLOWED_ROUTING[kind] ?? [];
  const stray = ROUTING_KEYS.find((key) => key in fields && !allowed.includes(key));
  if (stray) return `${kind}: carries "${stray}", which would route it elsewhere`;
  if (kind !== "command" && "user" in fields) {
    const { team, user } = fields as { team?: { id?: string } | null; user: { team_id?: string } };
    if (!team?.id && !user.team_id) return `${kind}: no workspace`;
  }
  return undefined;
}
