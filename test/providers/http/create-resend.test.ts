import net from "node:net";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/logger";
import { HttpClient } from "../../../src/providers/http/core";

/**
 * A vendor on a real loopback socket, below node:http: it reads each whole request, applies it
 * (counts it), then answers or drops the connection without a word — what a vendor behind a
 * proxy that cuts connections does. nock only emulates a reset; this is the kernel's.
 */
type Behaviour = "answer" | "apply-and-drop";

interface RawVendor {
  port: number;
  applied: string[];
  connections: number;
  close(): Promise<void>;
}

async function rawVendor(behaviours: Behaviour[], port = 0): Promise<RawVendor> {
  const applied: string[] = [];
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let buffered = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const end = buffered.indexOf("\r\n\r\n");
        if (end < 0) return;
        const head = buffered.subarray(0, end).toString("latin1");
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        const body = buffered.subarray(end + 4, end + 4 + length).toString("utf8");
        buffered = buffered.subarray(end + 4 + length);
        applied.push(`${head.split(" ", 2).join(" ")} ${body}`);
        const behaviour = behaviours[applied.length - 1] ?? "answer";
        if (behaviour === "apply-and-drop") {
          socket.destroy();
          return;
        }
        const json = JSON.stringify({ id: `u-${applied.length}` });
        socket.write(
          `HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: ${json.length}\r\nconnection: keep-alive\r\n\r\n${json}`,
        );
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    applied,
    get connections() {
      return connections;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// nock, even passing loopback through, hands every request a new socket: a kept-alive connection
// is never reused under it. This file talks only to its own loopback server, so nock steps aside.
beforeAll(() => nock.restore());
afterAll(() => nock.activate());

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function client(port: number): HttpClient {
  const c = new HttpClient({
    vendor: "careacademy",
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey: "key-123",
    requestsPerSecond: 1_000,
    timeoutMs: 5_000,
    logger: silentLogger,
    backoff: { baseMs: 1, capMs: 5 },
  });
  closers.push(() => c.close());
  return c;
}

async function vendor(behaviours: Behaviour[], port = 0): Promise<RawVendor> {
  const v = await rawVendor(behaviours, port);
  closers.push(() => v.close());
  return v;
}

/** The agent takes a socket back once the response has ended, a turn of the event loop later. */
const socketBackInPool = () => new Promise((resolve) => setTimeout(resolve, 20));

const create = (c: HttpClient, email: string) => c.request({ method: "POST", path: "/v1/users", json: { email } });

describe("a create the vendor applied and then dropped the connection of", () => {
  it("is sent once on a fresh connection, and the error says it may have been applied", async () => {
    const v = await vendor(["apply-and-drop"]);
    const error = await create(client(v.port), "a@b.example").catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "UnavailableError", reason: "network", mayHaveApplied: true });
    expect(v.applied).toEqual(['POST /v1/users {"email":"a@b.example"}']);
  });

  it("is sent once on a reused keep-alive connection (the first request on it answered)", async () => {
    const v = await vendor(["answer", "apply-and-drop"]);
    const c = client(v.port);
    await expect(create(c, "first@b.example")).resolves.toMatchObject({ status: 201 });
    await socketBackInPool();
    const error = await create(c, "second@b.example").catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "UnavailableError", reason: "network", mayHaveApplied: true });
    expect(v.applied).toEqual([
      'POST /v1/users {"email":"first@b.example"}',
      'POST /v1/users {"email":"second@b.example"}',
    ]);
    // Both went over the one kept-alive connection: the second really was on a reused socket.
    expect(v.connections).toBe(1);
  });

  it("a read dropped the same way on a reused connection is sent again and succeeds", async () => {
    const v = await vendor(["answer", "apply-and-drop", "answer"]);
    const c = client(v.port);
    await create(c, "first@b.example");
    await socketBackInPool();
    await expect(c.request({ method: "GET", path: "/v1/users/u-1" })).resolves.toMatchObject({ status: 201 });
    expect(v.applied).toHaveLength(3);
  });

  it("a PATCH (idempotent: it sets fields) dropped after it was applied is sent again", async () => {
    const v = await vendor(["apply-and-drop", "answer"]);
    const c = client(v.port);
    await expect(
      c.request({ method: "PATCH", path: "/v1/users/u-1", json: { email: "x@b.example" } }),
    ).resolves.toMatchObject({ status: 201 });
    expect(v.applied).toHaveLength(2);
  });
});

describe("a create that never reached the vendor", () => {
  it("is sent again when the connection was refused, and applied once", async () => {
    // A port with nothing listening, then the vendor appears there while the client backs off.
    const probe = await rawVendor([]);
    const port = probe.port;
    await probe.close();
    let v: RawVendor | undefined;
    const c = new HttpClient({
      vendor: "careacademy",
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: "key-123",
      requestsPerSecond: 1_000,
      timeoutMs: 5_000,
      logger: silentLogger,
      clock: {
        now: () => Date.now(),
        sleep: async () => {
          v ??= await vendor([], port);
        },
      },
    });
    closers.push(() => c.close());
    await expect(create(c, "a@b.example")).resolves.toMatchObject({ status: 201 });
    expect(v!.applied).toEqual(['POST /v1/users {"email":"a@b.example"}']);
  });
});
