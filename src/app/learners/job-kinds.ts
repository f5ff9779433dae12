import type { JobKind } from "../job-kinds";
import { JOB_ARCHIVE, JOB_IMPORT, JOB_REACTIVATE } from "./deps";
import type { StatusItemInput } from "./status-job";

const person = (input: unknown): Record<string, string> => {
  const { email, firstName, lastName } = input as StatusItemInput;
  return { Email: email, Name: `${firstName} ${lastName}`.trim() };
};

/** The learner job kinds, for job-kinds.ts: labels, the action that starts them, the columns of their failures. */
export const LEARNER_JOB_KINDS: Record<string, JobKind> = {
  [JOB_IMPORT]: {
    label: "Learner import",
    action: "learner.import",
    describeItem: (item) => ({ Line: String(item.seq), Email: item.key }),
  },
  [JOB_ARCHIVE]: {
    label: "Learner archive",
    action: "learner.archive-bulk",
    describeItem: (item) => person(item.input),
  },
  [JOB_REACTIVATE]: {
    label: "Learner reactivation",
    action: "learner.archive-bulk",
    describeItem: (item) => person(item.input),
  },
};
