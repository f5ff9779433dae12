import type { IncomingHttpHeaders } from "node:http";

export interface SandboxRequest {
  method: string;
  /** The path below the vendor's prefix, e.g. `/v1/caregivers/cg-1`. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  /** This vendor's base URL, for links the vendor hands out. */
  baseUrl: string;
  params: string[];
}

export interface SandboxResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Defaults to the vendor's JSON media type. */
  contentType?: string;
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
  /** Reached without the API key (a link a person opens in a browser). */
  public: boolean;
}

/** A refusal a handler throws; each vendor family renders it in its own error format. */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { fields?: Record<string, string>; existingId?: string } = {},
  ) {
    super(message);
  }
}

export const fail = {
  badRequest: (code: string, message: string) => new HttpFailure(400, code, message),
  notFound: (what: string) => new HttpFailure(404, "not_found", `No such ${what}.`),
  conflict: (code: string, message: string, existingId: string) => new HttpFailure(409, code, message, { existingId }),
  invalid: (fields: Record<string, string>, code = "validation_failed") =>
    new HttpFailure(422, code, "Some fields are not valid.", { fields }),
};

/** `/v1/users/:id` → a route whose handler receives the decoded `:id` values in order. */
export function route(method: string, path: string, handler: Handler, options: { public?: boolean } = {}): Route {
  const pattern = new RegExp(`^${path.replace(/:[a-zA-Z]+/g, "([^/]+)")}$`);
  return { method, pattern, handler, public: options.public ?? false };
}

export function match(routes: Route[], method: string, path: string): { route: Route; params: string[] } | undefined {
  for (const r of routes) {
    if (r.method !== method) continue;
    const m = r.pattern.exec(path);
    if (m) return { route: r, params: m.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return undefined;
}

export const ok = (body: unknown, status = 200): SandboxResponse => ({ status, body });
export const noContent = (): SandboxResponse => ({ status: 204 });

/** The common contract's cursor pages; the cursor is an opaque offset. */
export function page<T>(items: T[], query: URLSearchParams): { data: T[]; nextCursor: string | null } {
  const limitText = query.get("limit");
  const limit = limitText === null ? 100 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw fail.badRequest("invalid_limit", "limit must be 1..500.");
  const cursor = query.get("cursor");
  const offset = cursor === null ? 0 : Number(Buffer.from(cursor, "base64url").toString("utf8").replace(/^o:/, ""));
  if (!Number.isInteger(offset) || offset < 0) throw fail.badRequest("invalid_cursor", "The cursor is not valid.");
  const end = offset + limit;
  return {
    data: items.slice(offset, end),
    nextCursor: end < items.length ? Buffer.from(`o:${end}`).toString("base64url") : null,
  };
}
