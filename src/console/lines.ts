import type { Interface } from "node:readline";

/**
 * Lines from a terminal or a pipe, one at a time, whoever asks: the command loop and the
 * questions of a modal share one queue, so piped input is never dropped between prompts.
 */
export function lineReader(rl: Interface, write: (text: string) => void) {
  const queued: string[] = [];
  const waiting: Array<(line: string | undefined) => void> = [];
  let closed = false;
  rl.on("line", (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else queued.push(line);
  });
  rl.on("close", () => {
    closed = true;
    for (const next of waiting.splice(0)) next(undefined);
  });
  return {
    /** The next line, or undefined once input has ended. */
    next(prompt: string): Promise<string | undefined> {
      write(prompt);
      if (queued.length > 0) return Promise.resolve(queued.shift());
      if (closed) return Promise.resolve(undefined);
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}
