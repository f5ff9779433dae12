import { LIST_RESPONSE_SCHEMA, PATCH_OP_SCHEMA, scimUserSchema, USER_SCHEMA } from "../../scim/schema";
import { HttpFailure, ok, route, type Route, type SandboxResponse } from "../router";
import { newId, type SandboxState, type ScimStoredUser } from "../state";
import { objectBody } from "../validate";
import { isObject, parseFilter, splitPath } from "./scim-filter";

/**
 * A SCIM 2.0 service provider's /Users (RFC 7644): filtered lists paged by startIndex/count,
 * weak ETags checked against If-Match, PATCH add/replace/remove, SCIM error bodies.
 */
export function scimRoutes(state: SandboxState): Route[] {
  const { users } = state.scim;

  const find = (id: string): ScimStoredUser => {
    const user = users.get(id);
    if (!user) throw new HttpFailure(404, "notFound", `User ${id} not found.`);
    return user;
  };
  const checkUnique = (userName: unknown, selfId: string | undefined) => {
    if (typeof userName !== "string" || userName.trim() === "") throw new HttpFailure(400, "invalidValue", "userName is required.");
    const holder = [...users.values()].find((u) => u.userName.toLowerCase() === userName.toLowerCase() && u.id !== selfId);
    if (holder) throw new HttpFailure(409, "uniqueness", "userName is already in use.");
  };
  const respond = (user: ScimStoredUser, baseUrl: string, status = 200): SandboxResponse => {
    const { password: _password, ...visible } = user;
    return {
      status,
      body: { ...visible, meta: { ...user.meta, location: `${baseUrl}/Users/${user.id}` } },
      headers: { etag: user.meta.version, ...(status === 201 ? { location: `${baseUrl}/Users/${user.id}` } : {}) },
    };
  };

  return [
    route("GET", "/Users", ({ query, baseUrl }) => {
      const filter = query.get("filter");
      const matches = filter === null ? () => true : parseFilter(filter);
      const all = [...users.values()].filter(matches);
      const startIndex = Math.max(1, Number(query.get("startIndex") ?? 1) || 1);
      const count = Math.min(200, Math.max(0, Number(query.get("count") ?? 100) || 0));
      const slice = all.slice(startIndex - 1, startIndex - 1 + count);
      return ok({
        schemas: [LIST_RESPONSE_SCHEMA],
        totalResults: all.length,
        startIndex,
        itemsPerPage: slice.length,
        Resources: slice.map((u) => respond(u, baseUrl).body),
      });
    }),

    route("GET", "/Users/:id", ({ params, baseUrl }) => respond(find(params[0] ?? ""), baseUrl)),

    route("POST", "/Users", ({ body, baseUrl }) => {
      const input = objectBody(body);
      checkUnique(input.userName, undefined);
      const now = new Date().toISOString();
      const { id: _id, meta: _meta, ...attributes } = input;
      const user = checkShape({
        schemas: [USER_SCHEMA],
        ...attributes,
        id: newId("scim"),
        meta: { resourceType: "User", created: now, lastModified: now, version: 'W/"1"' },
      });
      users.set(user.id, user);
      return respond(user, baseUrl, 201);
    }),

    route("PATCH", "/Users/:id", ({ params, body, headers, baseUrl }) => {
      const user = find(params[0] ?? "");
      const ifMatch = headers["if-match"];
      if (ifMatch !== undefined && ifMatch !== "*" && ifMatch !== user.meta.version) {
        throw new HttpFailure(412, "preconditionFailed", "The user changed since its ETag was read.");
      }
      const input = objectBody(body);
      const operations = input.Operations;
      if (!Array.isArray(input.schemas) || !input.schemas.includes(PATCH_OP_SCHEMA) || !Array.isArray(operations)) {
        throw new HttpFailure(400, "invalidSyntax", "A PatchOp message with Operations is required.");
      }
      const next = structuredClone(user) as ScimStoredUser & Record<string, unknown>;
      for (const operation of operations) applyOperation(next, objectBody(operation));
      checkShape(next);
      checkUnique(next.userName, user.id);
      const version = Number(/\d+/.exec(user.meta.version)?.[0] ?? 1) + 1;
      next.meta = { ...user.meta, lastModified: new Date().toISOString(), version: `W/"${version}"` };
      users.set(next.id, next);
      return respond(next, baseUrl);
    }),
  ];
}

/** Rejects attributes of the wrong type (e.g. `emails` as text), as a provider checking its schema would. */
function checkShape(user: Record<string, unknown>): ScimStoredUser {
  const parsed = scimUserSchema.safeParse(user);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new HttpFailure(400, "invalidValue", `These attributes have the wrong type: ${where}.`);
  }
  return user as ScimStoredUser;
}

const READ_ONLY = new Set(["id", "meta", "schemas"]);

function applyOperation(user: Record<string, unknown>, operation: Record<string, unknown>): void {
  const op = typeof operation.op === "string" ? operation.op.toLowerCase() : "";
  const path = operation.path;
  if (op === "remove") {
    if (typeof path !== "string") throw new HttpFailure(400, "noTarget", "remove needs a path.");
    return setAt(user, path, undefined);
  }
  if (op !== "add" && op !== "replace") throw new HttpFailure(400, "invalidSyntax", `Unknown operation ${String(operation.op)}.`);
  if (typeof path === "string") return setAt(user, path, operation.value);
  if (!isObject(operation.value)) throw new HttpFailure(400, "invalidValue", "A patch without a path needs an object value.");
  for (const [key, value] of Object.entries(operation.value)) {
    if (READ_ONLY.has(key)) throw new HttpFailure(400, "mutability", `${key} cannot be changed.`);
    // Complex attributes keep the sub-attributes the value does not name (RFC 7644 §3.5.2.3).
    const current = user[key];
    user[key] = isObject(current) && isObject(value) ? { ...current, ...value } : value;
  }
}

function setAt(user: Record<string, unknown>, path: string, value: unknown): void {
  if (path.includes("[")) throw new HttpFailure(400, "invalidPath", "Value filters in paths are not supported.");
  const { root, rest } = splitPath(path);
  if (READ_ONLY.has(root)) throw new HttpFailure(400, "mutability", `${root} cannot be changed.`);
  if (rest.length === 0) {
    if (value === undefined) delete user[root];
    else user[root] = value;
    return;
  }
  const parent = isObject(user[root]) ? { ...(user[root] as Record<string, unknown>) } : {};
  const leaf = rest.join(".");
  if (value === undefined) delete parent[leaf];
  else parent[leaf] = value;
  user[root] = parent;
}
