import { describe, expect, it } from "vitest";
import { createDirectoryCache } from "../../../src/app/agency-users/directory-cache";

function fakeDirectory() {
  const calls = { offices: 0, roles: 0 };
  let failNext = false;
  let release: () => void = () => {};
  let gate: Promise<void> = Promise.resolve();
  return {
    calls,
    failOnce: () => void (failNext = true),
    hold: () => void (gate = new Promise((r) => (release = r))),
    release: () => release(),
    directory: {
      async listOffices() {
        calls.offices += 1;
        await gate;
        if (failNext) {
          failNext = false;
          throw new Error("vendor down");
        }
        return [{ id: "o1", name: `Office v${calls.offices}` }];
      },
      async listRoles() {
        calls.roles += 1;
        return [{ id: "r1", name: "Role" }];
      },
    },
  };
}

describe("directory cache", () => {
  it("keeps offices and roles for the TTL, then asks again", async () => {
    let now = 0;
    const fake = fakeDirectory();
    const cache = createDirectoryCache(fake.directory, { ttlMs: 1000, now: () => new Date(now) });
    expect(await cache.offices()).toEqual([{ id: "o1", name: "Office v1" }]);
    await cache.roles();
    now = 999;
    expect(await cache.offices()).toEqual([{ id: "o1", name: "Office v1" }]);
    await cache.roles();
    expect(fake.calls).toEqual({ offices: 1, roles: 1 });
    now = 1000;
    expect(await cache.offices()).toEqual([{ id: "o1", name: "Office v2" }]);
    expect(fake.calls.offices).toBe(2);
  });

  it("shares one request among callers that arrive while it loads", async () => {
    const fake = fakeDirectory();
    const cache = createDirectoryCache(fake.directory, { ttlMs: 1000, now: () => new Date(0) });
    fake.hold();
    const waiting = [cache.offices(), cache.offices(), cache.offices()];
    fake.release();
    expect(new Set((await Promise.all(waiting)).map((o) => o[0]!.name))).toEqual(new Set(["Office v1"]));
    expect(fake.calls.offices).toBe(1);
  });

  it("does not keep a failure", async () => {
    const fake = fakeDirectory();
    const cache = createDirectoryCache(fake.directory, { ttlMs: 1000, now: () => new Date(0) });
    fake.failOnce();
    await expect(cache.offices()).rejects.toThrow("vendor down");
    expect(await cache.offices()).toEqual([{ id: "o1", name: "Office v2" }]);
  });

  it("keeps each workspace's offices apart: one workspace's cached directory is never another's", async () => {
    let workspace = "T0ONE";
    const fake = fakeDirectory();
    const cache = createDirectoryCache(
      { ...fake.directory, listOffices: async () => [{ id: "o1", name: `Office of ${workspace}` }] },
      { ttlMs: 1000, now: () => new Date(0), key: () => workspace },
    );
    expect(await cache.offices()).toEqual([{ id: "o1", name: "Office of T0ONE" }]);
    workspace = "T0TWO";
    expect(await cache.offices()).toEqual([{ id: "o1", name: "Office of T0TWO" }]);
    workspace = "T0ONE";
    expect(await cache.offices()).toEqual([{ id: "o1", name: "Office of T0ONE" }]);
  });
});
