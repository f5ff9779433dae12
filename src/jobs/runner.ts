import { isDatabaseUnavailable } from "../db/unavailable";
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
  /** How long a job stays held without a renewal; also how often interrupted jobs are looked for. */
  leaseMs?: number;
  flushEvery?: number;
  flushMs?: number;
  now?: () => Date;
}

/** Statuses of a job that some runner still has to finish. */
const UNFINISHED = new Set(["queued", "running"]);

/**
 * Runs jobs item by item with bounded concurrency, writing outcomes in batches. A rerun of the
 * same job (pg-boss retry, restart) only sees items still pending; a lease keeps two runners
 * from working one job at once.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly observers: JobObserver[] = [];
  private queue: JobQueue | undefined;
  private within: <T>(workspaceId: string, work: () => Promise<T>) => Promise<T> = (_, work) => work();
  private readonly leaseMs: number;
  private readonly flushEvery: number;
  private readonly flushMs: number;
  private readonly now: () => Date;
  private stopping = false;
  private readonly running = new Set<Promise<Job | null>>();
  /** Queue workers busy per workspace (see work()). */
  private readonly workingFor = new Map<string, number>();
  private resumer: NodeJS.Timeout | undefined;
  private resuming: Promise<void> | undefined;

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

  /** How a job runs as its workspace (on that workspace's vendor accounts): its items and observers' calls. */
  runWithin(within: <T>(workspaceId: string, work: () => Promise<T>) => Promise<T>): void {
    this.within = within;
  }

  useQueue(queue: JobQueue): void {
    this.queue = queue;
  }

  /** Hands a queued job to the queue; without one (tests, console), runs it here. */
  async enqueue(jobId: string): Promise<void> {
    if (this.queue) await this.queue.send(jobId);
    else await this.run(jobId);
  }

  /** Re-sends jobs whose runner died or let go, e.g. after a restart. Returns their ids. */
  async resumeInterrupted(): Promise<string[]> {
    const now = this.now();
    const jobs = await this.options.store.interrupted(now, new Date(now.getTime() - this.leaseMs));
    if (jobs.length > 0) this.options.logger.info({ jobs: jobs.map((j) => j.id) }, "resuming interrupted jobs");
    for (const job of jobs) await this.enqueue(job.id);
    return jobs.map((j) => j.id);
  }

  /**
   * Resumes interrupted jobs now, then every lease period until stop(): the job of an instance
   * that crashed is picked up once its lease runs out, without waiting for a restart. Observers
   * recover alongside (a report a dead instance never posted), in the background at start.
   */
  async startResuming(): Promise<void> {
    await this.resumeInterrupted();
    this.resuming = this.notify((o) => o.recover?.() ?? Promise.resolve()).finally(() => (this.resuming = undefined));
    this.resumer = setInterval(() => {
      this.resuming ??= this.resumeInterrupted()
        .then(
          () => this.notify((o) => o.recover?.() ?? Promise.resolve()),
          (error: unknown) => this.options.logger.warn({ err: error }, "looking for interrupted jobs failed"),
        )
        .finally(() => (this.resuming = undefined));
    }, this.leaseMs);
    this.resumer.unref();
  }

  /**
   * Graceful shutdown: no new jobs; each running job finishes the items in hand, records them and
   * lets go of its lease, so another instance can take it over at once.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.running.size > 0) {
      this.options.logger.info({ jobs: this.running.size }, "finishing the items in hand, then letting go");
    }
    clearInterval(this.resumer);
    await this.resuming;
    await Promise.allSettled(this.running);
  }

  /**
   * For a queue worker: runs the job, and throws when it is left unfinished (another runner holds
   * it, or stop() paused it) so that the queue tries again later instead of counting it done.
   * With `maxPerWorkspace`, a job whose workspace already holds that many workers here is not
   * started: it throws at once, freeing the worker for other workspaces' jobs, and is tried again.
   */
  async work(jobId: string, options: { maxPerWorkspace?: number } = {}): Promise<void> {
    const cap = options.maxPerWorkspace;
    let workspaceId: string | undefined;
    if (cap !== undefined) {
      const queued = await this.options.store.get(jobId);
      if (!queued || !UNFINISHED.has(queued.status)) return;
      // Checked and taken with no await between: two workers cannot both take the last place.
      if ((this.workingFor.get(queued.workspaceId) ?? 0) >= cap) {
        throw new Error(`Workspace ${queued.workspaceId} already runs ${cap} jobs here; job ${jobId} waits its turn.`);
      }
      workspaceId = queued.workspaceId;
      this.workingFor.set(workspaceId, (this.workingFor.get(workspaceId) ?? 0) + 1);
    }
    try {
      const job = (await this.run(jobId)) ?? (await this.options.store.get(jobId));
      if (job && UNFINISHED.has(job.status)) throw new Error(`Job ${jobId} is still ${job.status}; try again later.`);
    } finally {
      if (workspaceId !== undefined) {
        const left = (this.workingFor.get(workspaceId) ?? 1) - 1;
        if (left > 0) this.workingFor.set(workspaceId, left);
        else this.workingFor.delete(workspaceId);
      }
    }
  }

  /** Runs the job to its end, unless another runner holds it (null) or stop() pauses it. */
  run(jobId: string): Promise<Job | null> {
    if (this.stopping) return Promise.resolve(null);
    const running = this.claimAndRun(jobId);
    const forget = () => void this.running.delete(running);
    this.running.add(running);
    running.then(forget, forget);
    return running;
  }

  private async claimAndRun(jobId: string): Promise<Job | null> {
    const { store } = this.options;
    const until = this.leaseUntil();
    const claimed = await store.claim(jobId, this.now(), until);
    if (!claimed) return null;
    return this.within(claimed.workspaceId, () => this.runClaimed(claimed, until));
  }

  private async runClaimed(claimed: Job, until: Date): Promise<Job | null> {
    const { store, logger } = this.options;
    const jobId = claimed.id;
    const handler = this.handlers.get(claimed.kind);
    if (!handler) {
      logger.error({ jobId, kind: claimed.kind }, "no handler for job kind");
      return store.finish(jobId, until, "failed", `carebridge cannot run ${claimed.kind} jobs.`);
    }
    const log = logger.child({ jobId, kind: claimed.kind });
    const lease = new Lease(
      store,
      jobId,
      until,
      () => this.leaseUntil(),
      this.leaseMs / 3,
      (error) => log.warn({ err: error }, "job lease renewal failed"),
    );
    log.info("job started");
    let outcome: "done" | "paused" | "failed";
    let error: string | undefined;
    try {
      outcome = await this.processAll(handler, claimed, lease);
    } catch (thrown) {
      if (isDatabaseUnavailable(thrown)) {
        // Nothing can be recorded now. The job keeps its unrecorded items pending, and once the
        // database is back and the lease has run out, a runner here or elsewhere resumes it.
        await lease.end();
        log.warn({ err: thrown }, "database out of reach: the job waits for it");
        return null;
      }
      log.error({ err: thrown }, "job stopped");
      [outcome, error] = ["failed", this.options.describeError(thrown)];
    }
    const held = await lease.end();
    if (held && outcome === "paused") {
      await store.release(jobId, held);
      log.info("job paused; its lease is released");
      // Only stop() pauses a held job: queued again, another instance takes it now, not at its next look.
      await this.queue?.send(jobId).catch((e: unknown) => log.warn({ err: e }, "could not queue the paused job again"));
      return store.get(jobId);
    }
    const finished = held && outcome !== "paused" ? await store.finish(jobId, held, outcome, error) : null;
    if (!finished) {
      log.warn("job taken over by another runner");
      return store.get(jobId);
    }
    log.info({ status: finished.status, processed: finished.processed, failed: finished.failed }, "job finished");
    await this.notify((o) => o.finished(finished));
    return finished;
  }

  private leaseUntil(): Date {
    return new Date(this.now().getTime() + this.leaseMs);
  }

  /**
   * Works through the pending items; "paused" when stop() or a lost lease ended it early. Throws
   * the error when the database is out of reach, once the items in hand are done.
   */
  private async processAll(handler: JobHandler, job: Job, lease: Lease): Promise<"done" | "paused"> {
    const { store } = this.options;
    let unreachable: unknown;
    const halted = () => this.stopping || lease.lost || unreachable !== undefined;
    const waitForDatabase = (error: unknown) => {
      if (!isDatabaseUnavailable(error)) throw error;
      unreachable ??= error;
    };
    let results: Array<{ itemId: string; result: ItemResult }> = [];
    let lastFlush = Date.now();
    const flush = async () => {
      const batch = results;
      results = [];
      lastFlush = Date.now();
      const updated = await store.record(job.id, batch);
      await this.notify((o) => o.progress(updated));
    };

    let afterSeq = -1;
    while (!halted()) {
      const items = await store.pendingItems(job.id, afterSeq, Math.max(this.flushEvery, handler.concurrency * 4));
      if (items.length === 0) {
        await flush();
        return "done";
      }
      afterSeq = items.at(-1)!.seq;
      await forEachConcurrently(items, handler.concurrency, halted, async (item) => {
        try {
          // Await first: a flush during the await swaps `results` for a fresh array.
          const result = await this.processOne(handler, item, job);
          results.push({ itemId: item.id, result });
          if (results.length >= this.flushEvery || Date.now() - lastFlush >= this.flushMs) await flush();
        } catch (error) {
          waitForDatabase(error);
        }
      });
    }
    if (unreachable !== undefined) throw unreachable;
    await flush();
    return "paused";
  }

  private async processOne(handler: JobHandler, item: JobItem, job: Job): Promise<ItemResult> {
    try {
      return await handler.processItem(item, job);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error; // not the item's failure: it stays pending
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

/**
 * One runner's hold on one job. Renewed on a timer rather than when items finish, so slow items
 * never let it run out while the runner is alive; `lost` once another runner has taken the job.
 */
class Lease {
  lost = false;
  private renewing = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: JobStore,
    private readonly jobId: string,
    private held: Date,
    private readonly next: () => Date,
    everyMs: number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.timer = setInterval(() => (this.renewing = this.renewing.then(() => this.renew())), everyMs);
    this.timer.unref();
  }

  /** Stops renewing; the lease still held, or null when another runner took the job. */
  async end(): Promise<Date | null> {
    clearInterval(this.timer);
    await this.renewing;
    return this.lost ? null : this.held;
  }

  private async renew(): Promise<void> {
    if (this.lost) return;
    const until = this.next();
    try {
      if (await this.store.renew(this.jobId, this.held, until)) this.held = until;
      else {
        this.lost = true;
        clearInterval(this.timer);
      }
    } catch (error) {
      // The database may be back before the lease runs out: keep trying.
      this.onError(error);
    }
  }
}

async function forEachConcurrently<T>(
  items: T[],
  concurrency: number,
  halted: () => boolean,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length && !halted()) await work(items[next++]!);
  });
  await Promise.all(lanes);
}
