import nock from "nock";
import { afterEach, beforeEach, expect } from "vitest";
import { loadConfig, VENDORS, type Config, type Vendor } from "../../../src/config";
import { silentLogger } from "../../../src/logger";
import { createProviders, type ProvidersOptions } from "../../../src/providers";
import type {
  AgencyUser,
  CacwtLearner,
  CalmanacClient,
  CalmanacStaff,
  Caregiver,
  CaregiverLms,
  CaregiverSource,
  Learner,
  LearnerLms,
  LinkingPair,
  LmsUser,
  Member,
  Office,
  Providers,
  Role,
  StaffDirectory,
} from "../../../src/providers/roles";
import { startSandbox } from "../../../src/providers/sandbox/server";
import type { SandboxState, ScimStoredUser } from "../../../src/providers/sandbox/state";

/** Records to put in place before a call; the sandbox stores them, nock ignores them. */
export interface World {
  caregivers?: Caregiver[];
  lmsUsers?: LmsUser[];
  members?: Member[];
  learners?: Learner[];
  motivityRoles?: Role[];
  staff?: CalmanacStaff[];
  clients?: CalmanacClient[];
  offices?: Office[];
  agencyRoles?: Role[];
  agencyUsers?: AgencyUser[];
  cacwtLearners?: CacwtLearner[];
  scimUsers?: ScimStoredUser[];
}

/** One nock scope per vendor, at its base URL, requiring its bearer key. */
export type Mocks = Record<Vendor, nock.Scope>;

export interface Adapters {
  caregiverSource: CaregiverSource;
  careAcademy: CaregiverLms;
  linkingPair: LinkingPair;
  staffDirectory: StaffDirectory;
  cacwt: LearnerLms;
  scimCaregivers: CaregiverLms;
  scimLearners: LearnerLms;
}

/**
 * Where a contract test runs: against nock (the exchanges exactly as providers.md writes them)
 * or against the sandbox (the same calls over real HTTP). Each test states both: the world the
 * sandbox should hold and the exchanges nock should see; the assertions are shared, so the
 * adapters, the contract and the sandbox cannot drift apart unnoticed.
 */
export interface Target {
  readonly kind: "nock" | "sandbox";
  readonly adapters: Adapters;
  given(world: World, exchanges: (mocks: Mocks) => void): void;
  /** The sandbox's state after the calls; undefined under nock, where the exchanges were the check. */
  readonly state: SandboxState | undefined;
  finish(): Promise<void>;
}

export type TargetFactory = () => Promise<Target>;

/** Small pages so that every list crosses a page boundary in the tests. */
export const PAGE_SIZE = 2;
export const nockBase = (vendor: Vendor) => `https://${vendor}.contract.test`;
export const nockKey = (vendor: Vendor) => `key-for-${vendor}`;

/** The vendor adapters and the SCIM ones, built from one configuration. */
export function buildAdapters(config: Config, options: ProvidersOptions): { adapters: Adapters; all: Providers[] } {
  const vendor = createProviders(config, options);
  const scim = createProviders({ ...config, caregiverLms: "scim", learnerLms: "scim" }, options);
  return {
    adapters: {
      caregiverSource: vendor.caregiverSource,
      careAcademy: vendor.caregiverLms,
      linkingPair: vendor.linkingPair,
      staffDirectory: vendor.staffDirectory,
      cacwt: vendor.learnerLms,
      scimCaregivers: scim.caregiverLms,
      scimLearners: scim.learnerLms,
    },
    all: [vendor, scim],
  };
}

/** Every vendor at its nock host, with its own key. */
export function nockConfig(timeoutMs = 2_000): Config {
  const base = loadConfig({});
  return {
    ...base,
    vendors: Object.fromEntries(
      VENDORS.map((v) => [v, { baseUrl: nockBase(v), apiKey: nockKey(v), requestsPerSecond: 1_000, timeoutMs }]),
    ) as Config["vendors"],
  };
}

export const nockTarget: TargetFactory = async () => {
  const config = nockConfig();
  const { adapters, all } = buildAdapters(config, { logger: silentLogger, pageSize: PAGE_SIZE, http: { maxRetries: 0 } });
  const mocks = Object.fromEntries(
    VENDORS.map((v) => [v, nock(nockBase(v), { reqheaders: { authorization: `Bearer ${nockKey(v)}` } })]),
  ) as Mocks;
  return {
    kind: "nock",
    adapters,
    state: undefined,
    given: (_world, exchanges) => exchanges(mocks),
    finish: async () => {
      const pending = nock.pendingMocks();
      // Cleaned here too: a failed assertion below must not leak mocks into the next test.
      nock.cleanAll();
      await Promise.all(all.map((p) => p.close()));
      expect(pending, "every exchange the test declared was made").toEqual([]);
    },
  };
};

export const sandboxTarget: TargetFactory = async () => {
  const sandbox = await startSandbox({ seed: "empty", birthDateRequiredStates: ["CA", "WA"] });
  const base = loadConfig({});
  const config: Config = {
    ...base,
    vendors: Object.fromEntries(VENDORS.map((v) => [v, { ...base.vendors[v], baseUrl: undefined, requestsPerSecond: 1_000 }])) as Config["vendors"],
  };
  const { adapters, all } = buildAdapters(config, { logger: silentLogger, sandbox, pageSize: PAGE_SIZE, http: { maxRetries: 0 } });
  const s = sandbox.state;
  return {
    kind: "sandbox",
    adapters,
    state: s,
    given: (world) => {
      const put = <T>(map: Map<string, T>, items: T[] | undefined, key: (item: T) => string) => {
        for (const item of items ?? []) map.set(key(item), structuredClone(item));
      };
      put(s.teletrack.caregivers, world.caregivers, (c) => c.id);
      put(s.careacademy.users, world.lmsUsers, (u) => u.id);
      put(s.motivity.members, world.members, (m) => m.id);
      put(s.motivity.learners, world.learners, (l) => l.id);
      put(s.calmanac.staff, world.staff, (x) => x.id);
      put(s.calmanac.clients, world.clients, (x) => x.id);
      put(s.caresmartz.agencyUsers, world.agencyUsers, (u) => u.id);
      put(s.cacwt.learners, world.cacwtLearners, (l) => l.userId);
      put(s.scim.users, world.scimUsers, (u) => u.id);
      s.motivity.roles.push(...(world.motivityRoles ?? []));
      s.caresmartz.offices.push(...(world.offices ?? []));
      s.caresmartz.roles.push(...(world.agencyRoles ?? []));
    },
    finish: async () => {
      await Promise.all(all.map((p) => p.close()));
      await sandbox.close();
    },
  };
};

/** Declares the per-test target for a contract suite. */
export function useTarget(makeTarget: TargetFactory): () => Target {
  let target: Target | undefined;
  beforeEach(async () => {
    target = await makeTarget();
  });
  afterEach(async () => {
    await target?.finish();
    target = undefined;
  });
  return () => {
    if (!target) throw new Error("the target exists only inside a test");
    return target;
  };
}

/** Everything an async iterable yields. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The common contract's error body. */
export const errorBody = (code: string, extra: { fields?: Record<string, string>; existingId?: string } = {}) => ({
  error: { code, message: `refused: ${code}`, ...extra },
});

/** A page in the common contract's shape. */
export const pageOf = <T>(data: T[], nextCursor: string | null = null) => ({ data, nextCursor });
