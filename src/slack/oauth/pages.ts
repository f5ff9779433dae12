import type { ServerResponse } from "node:http";

/** Carebridge's own pages at the end of an install, in place of Bolt's generic ones. */
function page(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>carebridge</title></head>` +
      `<body style="font-family: sans-serif; max-width: 36em; margin: 3em auto"><h1>${title}</h1><p>${body}</p></body></html>`,
  );
}

export function installedPage(res: ServerResponse): void {
  page(
    res,
    200,
    "carebridge is installed",
    "Open Slack and type <code>/carebridge help</code> to begin. You are the workspace's first carebridge admin.",
  );
}

/** Nothing was stored: the link was bad, expired or used already (a replay), or Slack refused the code. */
export function startAgainPage(res: ServerResponse, status: number, why: string): void {
  page(res, status, "Start the install again", `${why} <a href="/slack/install">Start the install again</a>.`);
}
