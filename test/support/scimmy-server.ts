import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import SCIMMY from "scimmy";

/** A user as the SCIMMY service stores it: the SCIM attributes it was given, plus id and meta. */
export type StoredScimUser = Record<string, unknown> & { id: string; userName: string };

export interface Scimmy {
  /** Base URL to give carebridge as SCIM_BASE_URL. */
  url: string;
  users: Map<string, StoredScimUser>;
  /** Every request, as "METHOD path?query", to assert what carebridge asked. */
  requests: string[];
  add(user: Record<string, unknown> & { userName: string; id?: string }): StoredScimUser;
  close(): Promise<void>;
}

const SCIM_JSON = "application/scim+json";
let extended = false;

/**
 * A real SCIM 2.0 service provider (the SCIMMY package) behind a loopback HTTP server, behaving
 * like a popular implementation: filters compare case-sensitively (SCIMMY's own `eq`), while
 * userName is unique whatever its case, so a create for "Ana@x" when "ana@x" exists answers 409
 * `uniqueness` although `userName eq "Ana@x"` finds nobody. SCIMMY's resource handlers are
 * process-wide: one server at a time per test file.
 */
export async function startScimmy(): Promise<Scimmy> {
  const users = new Map<string, StoredScimUser>();
  const requests: string[] = [];
  const stamp = (): string => new Date().toISOString();

  if (!extended) {
    SCIMMY.Resources.declare(SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false));
    extended = true;
  }
  const User = SCIMMY.Resources.User;
  User.basepath("/");
  User.egress((resource) => {
    if (resource.id) {
      const user = users.get(resource.id);
      if (!user) throw new SCIMMY.Types.Error(404, null!, `Resource ${resource.id} not found`);
      return user;
    }
    const all = [...users.values()];
    return resource.filter ? resource.filter.match(all) : all;
  });
  User.ingress((resource, instance) => {
    const data = JSON.parse(JSON.stringify(instance)) as StoredScimUser;
    const userName = data.userName.toLowerCase();
    const clash = [...users.values()].find((u) => u.userName.toLowerCase() === userName && u.id !== resource.id);
    if (clash) throw new SCIMMY.Types.Error(409, "uniqueness", "userName is already in use");
    const existing = resource.id === undefined ? undefined : users.get(resource.id);
    if (resource.id !== undefined && !existing)
      throw new SCIMMY.Types.Error(404, null!, `Resource ${resource.id} not found`);
    const id = existing?.id ?? randomUUID();
    const created = (existing?.meta as { created?: string } | undefined)?.created ?? stamp();
    const user: StoredScimUser = { ...data, id, meta: { created, lastModified: stamp() } };
    users.set(id, user);
    return user;
  });
  User.degress((resource) => {
    if (!resource.id || !users.delete(resource.id)) throw new SCIMMY.Types.Error(404, null!, "not found");
  });

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://scimmy");
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, body === undefined ? {} : { "content-type": SCIM_JSON });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    try {
      if (req.headers.authorization !== "Bearer scimmy") throw new SCIMMY.Types.Error(401, null!, "bad token");
      const match = /^\/Users(?:\/([^/]+))?$/.exec(url.pathname);
      if (!match) throw new SCIMMY.Types.Error(404, null!, "no such endpoint");
      const id = match[1] === undefined ? undefined : decodeURIComponent(match[1]);
      const body = await readJson(req);
      if (req.method === "GET" && id === undefined) {
        const number = (name: string) => (url.searchParams.has(name) ? Number(url.searchParams.get(name)) : undefined);
        const config = {
          filter: url.searchParams.get("filter") ?? undefined,
          startIndex: number("startIndex"),
          count: number("count"),
        };
        const clean = Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined));
        return send(200, await new User(undefined, clean).read());
      }
      if (req.method === "GET") return send(200, await new User(id!).read());
      if (req.method === "POST" && id === undefined) return send(201, await new User().write(body));
      if (req.method === "PATCH" && id !== undefined) {
        const patched = await new User(id).patch(body as Parameters<SCIMMY.Resources.User["patch"]>[0]);
        return patched === undefined ? send(204) : send(200, patched);
      }
      if (req.method === "DELETE" && id !== undefined) {
        await new User(id).dispose();
        return send(204);
      }
      throw new SCIMMY.Types.Error(405, null!, "method not allowed");
    } catch (error) {
      const response = new SCIMMY.Messages.ErrorResponse(error as Error);
      send(Number(response.status), response);
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    users,
    requests,
    add(user) {
      const stored = {
        active: true,
        ...user,
        id: user.id ?? randomUUID(),
        meta: { created: stamp() },
      } as StoredScimUser;
      users.set(stored.id, stored);
      return stored;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new SCIMMY.Types.Error(400, "invalidSyntax", "body is not JSON");
  }
}
