import type { Config } from "../../config";
import type { Providers } from "../../providers/roles";
import type { OpenAccount, VendorAccounts } from ".";

/** The providers a workspace's use-cases call. */
export type ProvidersFor = (workspaceId: string) => Promise<Providers>;

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

/**
 * Providers per workspace, each built on its own HTTP clients, so one agency's 429s or outage
 * (rate limiter, circuit breaker) never slow another. Built on first use and kept until the
 * workspace's accounts change. Without `build` (single-workspace mode) every workspace gets the
 * environment's providers, as before.
 */
export function createWorkspaceProviders(deps: {
  config: Config;
  defaults: Providers;
  accounts: Pick<VendorAccounts, "open">;
  build: ((config: Config) => Providers) | undefined;
}) {
  const built = new Map<string, Promise<Providers>>();
  const { build } = deps;

  const forWorkspace: ProvidersFor = (workspaceId) => {
    if (!build) return Promise.resolve(deps.defaults);
    let providers = built.get(workspaceId);
    if (!providers) {
      providers = deps.accounts.open(workspaceId).then((accounts) => build(withAccounts(deps.config, accounts)));
      built.set(workspaceId, providers);
      // A failed build (e.g. an unreadable key) is not kept: the next call tries again.
      providers.catch(() => built.delete(workspaceId));
    }
    return providers;
  };

  return {
    forWorkspace,
    /** Drops the workspace's providers (accounts saved or forgotten); the next call builds them afresh. */
    forget(workspaceId: string): void {
      const providers = built.get(workspaceId);
      built.delete(workspaceId);
      void providers?.then(
        (p) => p.close(),
        () => undefined,
      );
    },
    async close(): Promise<void> {
      const all = [...built.values()];
      built.clear();
      await Promise.all(
        all.map((p) =>
          p.then(
            (providers) => providers.close(),
            () => undefined,
          ),
        ),
      );
    },
  };
}
