import { randomUUID } from "node:crypto";
import type { Logger } from "../logger";
import type { JobStore } from "./store";
import type { ItemResult, Job, JobHandler, JobItem, JobObserver } from "./types";

/** How a job reaches a worker: pg-boss in the app, a direct call where no queue runs. */
export interface JobQueue {
  send(jobId: string): Promise<void>;
}

export interface RunnerOptions {
  store: JobStore;
  logger: Logger;
  /** Turns an error a handler threw into the sentence recorded on the item. */
  describeError: (error: unknown) => string;
  leaseMs?: number;
  flushEvery?: number;
  flushMs?: number;
  now?: () => Date;
}

/**
 * Runs jobs item by item with bounded concurrency, writing outcomes in batches. A rerun of the
 * same job (pg-boss retry, restart) only sees items still pending; a lease keeps two runners
 * from working one job at once.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly observers: JobObserver[] = [];
  private queue: JobQueue | undefined;
  private readonly leaseMs: number;
  private readonly flushEvery: number;
  private readonly flushMs: number;
  private readonly now: () => Date;
  readonly id = randomUUID();

  constructor(private readonly options: RunnerOptions) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.flushEvery = options.flushEvery ?? 50;
    this.flushMs = options.flushMs ?? 1_000;
    this.now = options.now ?? (() => new Date());
  }

  register(handler: JobHandler): void {
    this.handlers.set(handler.kind, handler);
  }

  observe(observer: JobObserver): void {
    this.observers.push(observer);
  }

  useQueue(queue: JobQueue): void {
    this.queue = queue;
  }

  /** Hands a queued job to the queue; without one (tests, console), runs it here. */
  async enqueue(jobId: string): Promise<void> {
    if (this.queue) await this.queue.send(jobId);
    else await this.run(jobId);
  }

  /** Re-sends jobs whose runner died, e.g. after a restart. Returns their ids. */
  async resumeInterrupted(): Promise<string[]> {
    const now = this.now();
    const jobs = await this.options.store.interrupted(now, new Date(now.getTime() - this.leaseMs));
    for (const job of jobs) await this.enqueue(job.id);
    return jobs.map((j) => j.id);
  }

  async run(jobId: string): Promise<Job | null> {
    const { store, logger } = this.options;
    const claimed = await store.claim(jobId, this.now(), this.leaseUntil());
    if (!claimed) return null;
    const handler = this.handlers.get(claimed.kind);
    if (!handler) {
      logger.error({ jobId, kind: claimed.kind }, "no handler for job kind");
      return store.finish(jobId, "failed", `carebridge cannot run ${claimed.kind} jobs.`);
    }
    const log = logger.child({ jobId, kind: claimed.kind });
    log.info("job started");
    try {
      await this.processAll(handler, claimed);
      const finished = await store.finish(jobId, "done");
      log.info({ processed: finished.processed, failed: finished.failed }, "job finished");
      await this.notify((o) => o.finished(finished));
      return finished;
    } catch (error) {
      log.error({ err: error }, "job stopped");
      const failed = await store.finish(jobId, "failed", this.options.describeError(error));
      await this.notify((o) => o.finished(failed));
      return failed;
    }
  }

  private leaseUntil(): Date {
    return new Date(this.now().getTime() + this.leaseMs);
  }

  private async processAll(handler: JobHandler, job: Job): Promise<void> {
    const { store } = this.options;
    let results: Array<{ itemId: string; result: ItemResult }> = [];
    let lastFlush = Date.now();
    const flush = async () => {
      const batch = results;
      results = [];
      lastFlush = Date.now();
      const updated = await store.record(job.id, batch, this.leaseUntil());
      await this.notify((o) => o.progress(updated));
    };

    let afterSeq = -1;
    for (;;) {
      const items = await store.pendingItems(job.id, afterSeq, Math.max(this.flushEvery, handler.concurrency * 4));
      if (items.length === 0) break;
      afterSeq = items.at(-1)!.seq;
      await forEachConcurrently(items, handler.concurrency, async (item) => {
        // Await first: a flush during the await swaps `results` for a fresh array.
        const result = await this.processOne(handler, item, job);
        results.push({ itemId: item.id, result });
        if (results.length >= this.flushEvery || Date.now() - lastFlush >= this.flushMs) await flush();
      });
    }
    await flush();
  }

  private async processOne(handler: JobHandler, item: JobItem, job: Job): Promise<ItemResult> {
    try {
      return await handler.processItem(item, job);
    } catch (error) {
      this.options.logger.warn({ jobId: job.id, item: item.seq, err: error }, "job item failed");
      return { status: "failed", outcome: "failed", message: this.options.describeError(error) };
    }
  }

  private async notify(call: (observer: JobObserver) => Promise<void>): Promise<void> {
    for (const observer of this.observers) {
      try {
        await call(observer);
      } catch (error) {
        this.options.logger.warn({ err: error }, "job observer failed");
      }
    }
  }
}

async function forEachConcurrently<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}
