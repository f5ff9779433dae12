import type { App, Receiver } from "@slack/bolt";

/** Hands payloads straight to Bolt, as Socket Mode would, and returns what the listener acked. */
export class ConsoleReceiver implements Receiver {
  private app: App | undefined;

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** Resolves once every listener has finished, with the ack's response body (modal errors, say). */
  async dispatch(body: Record<string, unknown>): Promise<unknown> {
    if (!this.app) throw new Error("the receiver is not attached to an app");
    let acked: unknown;
    await this.app.processEvent({
      // A copy, as if it had crossed the wire: listeners must not share objects with the console.
      body: JSON.parse(JSON.stringify(body)) as Record<string, unknown>,
      ack: async (response?: unknown) => {
        acked = response;
      },
    });
    return acked;
  }
}
