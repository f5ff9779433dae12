import { createReadStream, readFileSync } from "node:fs";
import type { KnownLearner } from "../../../src/domain/learners/learner";

/** The product docs sit beside the repository (CI clones ../shared next to it). */
const SHARED = new URL("../../../../shared/", import.meta.url);

export function openFixture(name: string) {
  return createReadStream(new URL(`fixtures/${name}`, SHARED));
}

export function readShared(path: string): string {
  return readFileSync(new URL(path, SHARED), "utf8");
}

export async function* chunks(...parts: string[]) {
  for (const part of parts) yield part;
}

/** A learner CACWT has: an active Riverside community partner unless `changes` says otherwise. */
export function knownLearner(email: string, changes: Partial<KnownLearner> = {}): KnownLearner {
  return {
    email,
    status: "Active",
    firstName: "Ana",
    lastName: "Garcia",
    affiliation: "California Community Partners",
    employeeType: "Riverside County Community Partner",
    dateHire: "2026-02-11",
    ...changes,
  };
}
