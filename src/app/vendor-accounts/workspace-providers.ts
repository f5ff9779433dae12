import { AsyncLocalStorage } from "node:async_hooks";
import type { Config } from "../../config";
import type { Providers } from "../../providers/roles";
import type { OpenAccount, VendorAccounts } from ".";

/** The providers a workspace's use-cases call. */
export type ProvidersFor = (workspaceId: string) => Promise<Providers>;

/** Runs `work` as workspace `workspaceId`: every provider call in it goes to that workspace's vendors. */
export type Within = <T>(workspaceId: string, work: () => Promise<T>) => Promise<T>;

/** The environment's configuration with the workspace's own accounts laid over it. */
export function withAccounts(config: Config, accounts: readonly OpenAccount[]): Config {
  const vendors = { ...config.vendors };
  let { caregiverLms, learnerLms } = config;
  for (const account of accounts) {
    const target = account.protocol === "scim" ? "scim" : account.vendor;
    vendors[target] = { ...vendors[target], baseUrl: account.baseUrl, apiKey: account.apiKey };
    if (account.vendor === "careacademy") caregiverLms = account.protocol;
    if (account.vendor === "cacwt") learnerLms = account.protocol;
  }
  return { ...config, vendors, caregiverLms, learnerLms };
}

/** A workspace's providers with the configuration they were built from; `own` when built for it alone. */
interface Built {
  config: Config;
  providers: Providers;
  own: boolean;
  /** Scopes running on these providers: a forgotten workspace's are closed once the last one ends. */
  users: number;
  retired: boolean;
  /** The accounts it was built from (VendorAccounts.stamp); undefined where there is no stamp to compare. */
  stamp?: string | undefined;
}

/** What runs inside `within`: the workspace, and its providers or why they could not be opened. */
interface Scope {
  workspaceId: string;
  built: Built | undefined;
  failure?: unknown;
}

/** Thrown when a provider is called outside any workspace while workspaces may have accounts of their own. */
export class NoWorkspaceError extends Error {
  constructor() {
    super("A vendor was called outside any workspace: carebridge cannot tell whose account to use.");
  }
}

/** An object that forwards every property, at the moment it is read, to what `target()` returns then. */
function forwarding<T extends object>(target: () => T): T {
  return new Proxy({} as T, {
    get(_shell, property) {
      const current = target();
      const value: unknown = Reflect.get(current, property, current);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
    has: (_shell, property) => Reflect.has(target(), property),
  });
}

/**
 * Providers per workspace, each built on its own HTTP clients, so one agency's 429s or outage
 * (rate limiter, circuit breaker) never slow another. Built on first use and kept until the
 * workspace's accounts change; a workspace without accounts of its own shares the environment's
 * (same keys, same vendor quota). Without `build` (single-workspace mode) every workspace gets
 * the environment's providers, as before.
 *
 * `scoped` is what the use-cases hold: role objects that, on every call, forward to the providers
 * of the workspace in scope. The scope is set where a workspace's work enters (`within`): each
 * Slack request (its team), each job run (its workspace), each scheduled run. Outside any scope,
 * once workspaces may have accounts, a vendor call throws rather than guess whose key to use.
 */
export function createWorkspaceProviders(deps: {
  config: Config;
  defaults: Providers;
  accounts: Pick<VendorAccounts, "open"> & Partial<Pick<VendorAccounts, "stamp">>;
  build: ((config: Config) => Providers) | undefined;
}) {
  const built = new Map<string, Promise<Built>>();
  const scope = new AsyncLocalStorage<Scope>();
  const { build } = deps;
  const environment: Built = { config: deps.config, providers: deps.defaults, own: false, users: 0, retired: false };

  const create = (workspaceId: string, stamp: string | undefined): Promise<Built> => {
    const providers = deps.accounts.open(workspaceId).then((accounts): Built => {
      if (accounts.length === 0) return { ...environment, stamp };
      const config = withAccounts(deps.config, accounts);
      return { config, providers: build!(config), own: true, users: 0, retired: false, stamp };
    });
    built.set(workspaceId, providers);
    // A failed build (e.g. an unreadable key) is not kept: the next call tries again.
    providers.catch(() => {
      if (built.get(workspaceId) === providers) built.delete(workspaceId);
    });
    return providers;
  };

  /**
   * The workspace's providers, built again when its accounts changed since (saved or deleted on
   * any instance: the stamp is read from the database each time a workspace's work starts).
   */
  const open = async (workspaceId: string): Promise<Built> => {
    if (!build) return environment;
    const stamp = await deps.accounts.stamp?.(workspaceId);
    const entry = built.get(workspaceId);
    if (entry) {
      const kept = await entry.catch(() => undefined);
      if (kept && (stamp === undefined || kept.stamp === stamp)) return kept;
      if (built.get(workspaceId) === entry) {
        built.delete(workspaceId);
        void retire(entry);
      }
    }
    return built.get(workspaceId) ?? create(workspaceId, stamp);
  };

  /** The providers of the workspace in scope; the environment's in single-workspace mode. */
  const current = (): Built => {
    const within = scope.getStore();
    if (within?.built) return within.built;
    if (within && within.failure !== undefined) throw within.failure;
    if (!build) return environment;
    throw new NoWorkspaceError();
  };

  const closeIfIdle = async (b: Built): Promise<void> => {
    if (b.own && b.retired && b.users === 0) await b.providers.close();
  };
  const retire = (entry: Promise<Built> | undefined): Promise<void> | undefined =>
    entry?.then(
      (b) => {
        b.retired = true;
        return closeIfIdle(b);
      },
      () => undefined,
    );

  const within: Within = async (workspaceId, work) => {
    const here = scope.getStore();
    if (here?.workspaceId === workspaceId) return work();
    let entered: Scope;
    try {
      let opened = await open(workspaceId);
      // Retired between being found and being taken (accounts changed meanwhile): take the new ones.
      while (opened.retired) opened = await open(workspaceId);
      entered = { workspaceId, built: opened };
    } catch (failure) {
      // The work still runs (an admin must reach /carebridge vendors to fix the account); a vendor call in it throws this.
      entered = { workspaceId, built: undefined, failure };
    }
    const held = entered.built;
    if (!held) return scope.run(entered, work);
    held.users += 1; // in the same turn as the retired check above: a retire now waits for this work
    try {
      return await scope.run(entered, work);
    } finally {
      held.users -= 1;
      await closeIfIdle(held);
    }
  };

  const scoped: Providers = {
    caregiverSource: forwarding(() => current().providers.caregiverSource),
    caregiverLms: forwarding(() => current().providers.caregiverLms),
    linkingPair: forwarding(() => current().providers.linkingPair),
    staffDirectory: forwarding(() => current().providers.staffDirectory),
    learnerLms: forwarding(() => current().providers.learnerLms),
    // Only labels: outside a workspace, the environment's.
    sandboxVendors: forwarding(() => (scope.getStore()?.built ?? environment).providers.sandboxVendors),
    close: async () => undefined,
  };

  return {
    forWorkspace: (async (workspaceId) => (await open(workspaceId)).providers) as ProvidersFor,
    within,
    /** The providers of whichever workspace is in scope when a method is called. */
    scoped,
    /** The configuration in scope (the environment's laid over with the workspace's accounts), e.g. which LMS it speaks. */
    config: (): Config => (scope.getStore()?.built ?? environment).config,
    /** The workspace in scope, if any: for what keeps vendor data per workspace. */
    workspaceId: (): string | undefined => scope.getStore()?.workspaceId,
    /** Drops the workspace's providers (accounts saved or forgotten); the next call builds them afresh. */
    forget(workspaceId: string): void {
      const entry = built.get(workspaceId);
      built.delete(workspaceId);
      // Work already running on them (a job) finishes on them; they are closed after it.
      void retire(entry);
    },
    async close(): Promise<void> {
      const all = [...built.values()];
      built.clear();
      await Promise.all(all.map(retire));
    },
  };
}

export type WorkspaceProviders = ReturnType<typeof createWorkspaceProviders>;
