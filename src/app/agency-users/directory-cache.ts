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
  options: { ttlMs: number; now: () => Date },
): DirectoryCache {
  return {
    offices: cached(() => directory.listOffices(), options.ttlMs, options.now),
    roles: cached(() => directory.listRoles(), options.ttlMs, options.now),
  };
}
