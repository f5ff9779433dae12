import { createHmac } from "node:crypto";

export const SIGNING_SECRET = "test-signing-secret";

export function sign(body: string, timestamp = Math.floor(Date.now() / 1000), secret = SIGNING_SECRET) {
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return { "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature };
}

export interface PostOptions {
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
}

/** Posts to the app as Slack would: signed, form-encoded or JSON. */
export async function postSigned(url: string, body: string, contentType: string, options: PostOptions = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": contentType, ...sign(body, options.timestamp, options.secret), ...options.headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, json: () => (text ? (JSON.parse(text) as Record<string, unknown>) : {}) };
}
