import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlannedOutcome } from "../../../src/domain/caregivers/bulk-plan";
import type { Caregiver, LmsUser } from "../../../src/providers/records";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, caregiverHarness, type Harness } from "./harness";

/**
 * Whatever TeleTrack and CareAcademy hold, the preview an admin confirms says what the run then
 * does: emails another account already has (linked to someone or to no one), accounts found by
 * TeleTrack id with other details, deactivated accounts. TeleTrack emails are unique among
 * caregivers, so that which of two caregivers wins an email is not left to the run's order.
 */

const POOL = Array.from({ length: 8 }, (_, i) => `pool${i}@example.com`);

const caregiverArb = fc.record({
  email: fc.option(fc.nat(POOL.length - 1), { nil: null, freq: 6 }),
  birth: fc.boolean(),
  state: fc.constantFrom("CA", "OR"),
  active: fc.nat(5).map((n) => n > 0),
  phone: fc.boolean(),
});
const accountArb = fc.record({
  /** -1: a TeleTrack id no caregiver has; -2: none; otherwise the caregiver at that index. */
  owner: fc.integer({ min: -2, max: 5 }),
  /** For an owned account, its own caregiver's email or an old one; otherwise one of the pool. */
  ownEmail: fc.boolean(),
  email: fc.nat(POOL.length - 1),
  deactivated: fc.boolean(),
  otherName: fc.boolean(),
});
const changeArb = fc.record({
  who: fc.nat(5),
  what: fc.constantFrom("new-email", "pool-email", "rename", "deactivate-account"),
  pool: fc.nat(POOL.length - 1),
});

const stateArb = fc.record({
  caregivers: fc.array(caregiverArb, { minLength: 1, maxLength: 6 }),
  accounts: fc.array(accountArb, { maxLength: 6 }),
  changes: fc.array(changeArb, { maxLength: 3 }),
});
type State = typeof stateArb extends fc.Arbitrary<infer T> ? T : never;

const RUN_OUTCOME: Record<Exclude<PlannedOutcome, "inactive">, string> = {
  create: "created",
  link: "linked",
  update: "updated",
  reactivate: "reactivated",
  unchanged: "unchanged",
  "cannot-sync": "cannot-sync",
};

function seed(h: Harness, s: State): void {
  const { caregivers, lmsLinks } = h.sandbox.state.teletrack;
  const users = h.sandbox.state.careacademy.users;
  caregivers.clear();
  lmsLinks.clear();
  users.clear();
  const taken = new Set<string>();
  const people: Caregiver[] = s.caregivers.map((c, i) => {
    let email = c.email === null ? null : POOL[c.email]!;
    if (email !== null && taken.has(email)) email = `solo${i}@example.com`;
    if (email !== null) taken.add(email);
    return {
      id: `tt-p${i}`,
      firstName: "Case",
      lastName: `Number${i}`,
      email,
      mobilePhone: c.phone ? `+1 916 555 01${10 + i}` : null,
      birthDate: c.birth ? "1990-01-0" + (i + 1) : null,
      state: c.state,
      status: c.active ? "active" : "inactive",
      updatedAt: "2026-10-01T16:00:00.000Z",
    };
  });
  for (const person of people) caregivers.set(person.id, person);
  const emails = new Set<string>();
  const owners = new Set<string>();
  s.accounts.forEach((a, k) => {
    const person = a.owner >= 0 ? people[a.owner] : undefined;
    if (a.owner >= 0 && (!person || owners.has(person.id))) return;
    const email = person ? (a.ownEmail && person.email ? person.email : `old${k}@example.com`) : POOL[a.email]!;
    if (emails.has(email)) return;
    emails.add(email);
    if (person) owners.add(person.id);
    const user: LmsUser = {
      id: `ca-p${k}`,
      externalId: person?.id ?? (a.owner === -1 ? "tt-gone" : null),
      firstName: a.otherName ? "Other" : "Case",
      lastName: person?.lastName ?? `Stranger${k}`,
      email,
      mobilePhone: null,
      birthDate: "1990-01-01",
      state: "OR",
      status: a.deactivated ? "deactivated" : "active",
      trainingDueDate: null,
    };
    users.set(user.id, user);
  });
}

/** Changes between two runs, each stamped now so an incremental preview would see it too. */
function change(h: Harness, s: State): void {
  const { caregivers } = h.sandbox.state.teletrack;
  const users = h.sandbox.state.careacademy.users;
  for (const c of s.changes) {
    const person = caregivers.get(`tt-p${c.who}`);
    if (!person) continue;
    const updatedAt = new Date().toISOString();
    if (c.what === "new-email") caregivers.set(person.id, { ...person, email: `new${c.who}@example.com`, updatedAt });
    if (c.what === "rename") caregivers.set(person.id, { ...person, firstName: "Renamed", updatedAt });
    if (c.what === "pool-email") {
      const email = POOL[c.pool]!;
      const holder = [...users.values()].find((u) => u.email === email);
      const inTeletrack = [...caregivers.values()].some((p) => p.email === email);
      // An email a caregiver is moving away from in the same run would make the order decide.
      if (!inTeletrack && (!holder || holder.externalId === null || holder.externalId === "tt-gone")) {
        caregivers.set(person.id, { ...person, email, updatedAt });
      }
    }
    if (c.what === "deactivate-account") {
      const account = [...users.values()].find((u) => u.externalId === person.id);
      if (account) users.set(account.id, { ...account, status: "deactivated" });
      caregivers.set(person.id, { ...person, updatedAt });
    }
  }
}

async function previewAndRun(h: Harness): Promise<void> {
  const result = await h.caregivers.previewAll(ADMIN, { full: true, channelId: "C0SYNC" });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(" "));
  const { preview } = result;
  if (preview.jobId === null) return;
  const confirmed = await h.caregivers.confirmAll(ADMIN, preview.jobId);
  if (!confirmed.ok || !confirmed.started) throw new Error("expected the job to start");
  await h.jobs.launch(preview.jobId, { channel: "C0SYNC", ts: "1.000001" });
  const report = (await h.jobs.report(preview.jobId))!;
  const { counts } = preview.summary;
  const expected: Record<string, number> = {};
  let others = 0;
  for (const [planned, outcome] of Object.entries(RUN_OUTCOME)) {
    if (planned === "unchanged") continue;
    const count = counts[planned as PlannedOutcome];
    others += count;
    if (count > 0) expected[outcome] = count;
  }
  // Unchanged caregivers carebridge linked before are not in the job; the others go in to be linked.
  if (preview.items > others) expected.unchanged = preview.items - others;
  expect(report.outcomes).toEqual(expected);
}

describe(`the sync-all preview predicts the run (${testDatabaseKind})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await caregiverHarness({ sandbox: { seed: "empty" } });
  });
  afterAll(async () => {
    await h.close();
  });

  it("preview counts equal run outcomes over random TeleTrack and CareAcademy states", async () => {
    await fc.assert(
      fc.asyncProperty(stateArb, async (s) => {
        const { prisma } = h.db;
        await prisma.jobItem.deleteMany();
        await prisma.job.deleteMany();
        await prisma.externalAccount.deleteMany();
        await prisma.person.deleteMany();
        seed(h, s);
        await previewAndRun(h);
        change(h, s);
        await previewAndRun(h);
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
