import type http from "node:http";
import type { Caregiver } from "../records";
import type { SandboxState } from "./state";

/** Where the sandbox answers about itself, beside the vendor prefixes. */
export const ADMIN_PREFIX = "/_sandbox/";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** Holds vendor requests while paused: tests stop a job mid-run at a known point, then let it go. */
export class Gate {
  held = 0;
  private opened: Promise<void> | undefined;
  private open: (() => void) | undefined;

  pause(): void {
    this.opened ??= new Promise((resolve) => (this.open = resolve));
  }

  resume(): void {
    this.open?.();
    this.opened = this.open = undefined;
  }

  async pass(): Promise<void> {
    if (!this.opened) return;
    this.held += 1;
    await this.opened;
    this.held -= 1;
  }
}

/**
 * Caregivers that are ready to sync (email, mobile phone, birth date, a state), with fictional
 * names and example.org addresses: staging and tests need more than the demo's dozen.
 */
export function addCaregivers(state: SandboxState, count: number): Caregiver[] {
  const { caregivers } = state.teletrack;
  const first = caregivers.size;
  const added = Array.from({ length: count }, (_, n): Caregiver => {
    const i = first + n + 1;
    return {
      id: `tt-s${String(i).padStart(5, "0")}`,
      firstName: `Sam${i}`,
      lastName: `Sandbox`,
      email: `sam${i}.sandbox@example.org`,
      mobilePhone: "+1 503 555 0100",
      birthDate: "1990-01-15",
      state: "OR",
      status: "active",
      updatedAt: new Date().toISOString(),
    };
  });
  for (const c of added) caregivers.set(c.id, c);
  return added;
}

/**
 * Loopback-only routes about the sandbox itself: GET state (every vendor's records, as JSON),
 * POST pause / resume (vendor requests wait while paused), POST caregivers?count=N.
 * Undefined when the path is not one of them.
 */
export function adminAnswer(
  req: http.IncomingMessage,
  path: string,
  query: URLSearchParams,
  sandbox: { state: SandboxState; gate: Gate; stats: unknown },
): { status: number; body: unknown } | undefined {
  if (!path.startsWith(ADMIN_PREFIX)) return undefined;
  if (!LOOPBACK.has(req.socket.remoteAddress ?? "")) {
    return { status: 403, body: { error: { code: "forbidden", message: "Only from this machine." } } };
  }
  const action = `${req.method ?? "GET"} ${path.slice(ADMIN_PREFIX.length)}`;
  switch (action) {
    case "GET state":
      return { status: 200, body: { ...sandbox.state, stats: sandbox.stats, held: sandbox.gate.held } };
    case "POST pause":
      sandbox.gate.pause();
      return { status: 200, body: { paused: true } };
    case "POST resume":
      sandbox.gate.resume();
      return { status: 200, body: { paused: false } };
    case "POST caregivers": {
      const count = Number(query.get("count") ?? "1");
      if (!Number.isInteger(count) || count < 1 || count > 100_000) {
        return { status: 400, body: { error: { code: "invalid_count", message: "count is 1 to 100000." } } };
      }
      return { status: 201, body: { data: addCaregivers(sandbox.state, count) } };
    }
    default:
      return { status: 404, body: { error: { code: "not_found", message: `No sandbox route ${action}.` } } };
  }
}

/** JSON for the state: Maps become objects keyed as they are. */
export const stateReplacer = (_key: string, value: unknown): unknown =>
  value instanceof Map ? Object.fromEntries(value) : value;
