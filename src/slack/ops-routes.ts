import type { ServerResponse } from "node:http";
import type { CustomRoute } from "@slack/bolt";
import type { Readiness } from "../health";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";

/** What a supervisor and a metrics scraper read from a running app. */
export interface OpsSources {
  readiness(): Promise<Readiness>;
  metrics: Metrics;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/**
 * /healthz: the process answers (a supervisor restarts it when not). /readyz: it can do its work
 * (a load balancer routes to it, a rollout waits for it): 503 names the check that failed.
 * /metrics: Prometheus text. Served on PORT in HTTP and in Socket Mode alike.
 */
export function opsRoutes(ops: OpsSources | undefined, logger: Logger): CustomRoute[] {
  const healthz: CustomRoute = {
    path: "/healthz",
    method: ["GET"],
    handler: (_req, res) => json(res, 200, { ok: true }),
  };
  if (!ops) return [healthz];
  const failed = (res: ServerResponse, what: string) => (error: unknown) => {
    logger.error({ err: error }, `${what} failed`);
    if (!res.headersSent) json(res, 500, { ok: false });
  };
  return [
    healthz,
    {
      path: "/readyz",
      method: ["GET"],
      handler: (_req, res) =>
        void ops
          .readiness()
          .then(({ ready, checks }) => json(res, ready ? 200 : 503, { ready, checks }), failed(res, "readiness check")),
    },
    {
      path: "/metrics",
      method: ["GET"],
      handler: (_req, res) =>
        void ops.metrics.text().then(
          ({ contentType, body }) => {
            res.writeHead(200, { "content-type": contentType });
            res.end(body);
          },
          failed(res, "metrics"),
        ),
    },
  ];
}
