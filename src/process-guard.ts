import type { Logger } from "./logger";

/**
 * No single request may end the process. A failure that escaped every handler (a library's
 * promise nobody awaits, a throw in a timer) is logged, and carebridge keeps serving: Node would
 * otherwise exit and drop every other request and running job with it.
 */
export function keepServing(logger: Logger, target: NodeJS.Process = process): void {
  target.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "a promise failed and nothing handled it; carebridge keeps serving");
  });
  target.on("uncaughtException", (error) => {
    logger.error({ err: error }, "an error escaped every handler; carebridge keeps serving");
  });
}
