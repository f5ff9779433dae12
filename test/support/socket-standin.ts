import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * Just enough of Slack for a Socket Mode app to start offline: `apps.connections.open` hands out
 * a ws:// URL on this server, whose WebSocket says `hello` (which is when the app's start()
 * resolves) and then stays quiet.
 */
export class SocketModeStandIn {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  /** Connections opened with the app-level token, in order. */
  readonly connections: string[] = [];
  url = "";

  constructor() {
    this.server = createServer((req, res) => {
      if (req.url === "/api/apps.connections.open") {
        this.connections.push(req.headers.authorization ?? "");
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: true, url: `${this.url.replace("http", "ws")}/link` }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error: "unknown_method" }));
    });
    this.server.on("upgrade", (req, socket: Socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("error", () => socket.destroy());
      const accept = createHash("sha1")
        .update(`${req.headers["sec-websocket-key"]}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
        .digest("base64");
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
      );
      const hello = Buffer.from(JSON.stringify({ type: "hello", num_connections: 1 }));
      socket.write(Buffer.concat([Buffer.from([0x81, hello.length]), hello])); // one unmasked text frame (< 126 bytes)
    });
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
