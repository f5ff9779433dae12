import type { Office, Role, StaffDirectory } from "../../providers/roles";

/** Offices and roles change rarely; opening the modal should not wait on the vendor each time. */
export const DIRECTORY_TTL_MS = 5 * 60 * 1000;

export interface DirectoryCache {
  offices(): Promise<Office[]>;
  roles(): Promise<Role[]>;
}

/**
 * One value kept for `ttlMs`. Callers arriving while it loads share the same request; a failed
 * load is not kept, so the next caller asks the vendor again.
 */
function cached<T>(load: () => Promise<T>, ttlMs: number, now: () => Date): () => Promise<T> {
  let kept: { value: T; at: number } | undefined;
  let loading: Promise<T> | undefined;
  return () => {
    if (kept && now().getTime() - kept.at < ttlMs) return Promise.resolve(kept.value);
    loading ??= load().then(
      (value) => {
        kept = { value, at: now().getTime() };
        loading = undefined;
        return value;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
}

export function createDirectoryCache(
  directory: Pick<StaffDirectory, "listOffices" | "listRoles">,
  options: {
    ttlMs: number;
    now: () => Date;
    /** Whose directory is asked (the workspace in scope): each keeps its own values, never another's. */
    key?: () => string;
  },
): DirectoryCache {
  const key = options.key ?? (() => "");
  const kept = new Map<string, DirectoryCache>();
  const forKey = (): DirectoryCache => {
    const k = key();
    let cache = kept.get(k);
    if (!cache) {
      cache = {
        offices: cached(() => directory.listOffices(), options.ttlMs, options.now),
        roles: cached(() => directory.listRoles(), options.ttlMs, options.now),
      };
      kept.set(k, cache);
    }
    return cache;
  };
  return {
    offices: () => forKey().offices(),
    roles: () => forKey().roles(),
  };
}
