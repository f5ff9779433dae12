import type { JobHandler } from "../../jobs/types";
import { createArchiveRuns } from "./archive-runs";
import { createBulkArchive } from "./bulk-archive";
import { createLearnerEdit } from "./edit";
import type { LearnersDeps } from "./deps";
import { importJobHandler } from "./import-job";
import { createImportPreview } from "./import-preview";
import { createImportRun } from "./import-run";
import { createOneLearner } from "./one";
import { statusJobHandler } from "./status-job";

export type { LearnersDeps } from "./deps";

/** The handlers of the learner jobs: import, bulk archive, and its undo. */
export function learnerJobHandlers(deps: LearnersDeps): JobHandler[] {
  return [importJobHandler(deps), statusJobHandler("Archived", deps), statusJobHandler("Active", deps)];
}

/**
 * Learners in the learner LMS (CACWT, or SCIM): one at a time, CSV import, bulk archive, and what guards every run that archives
 * (a second admin above the threshold, Reactivate all). Registers its job handlers on the runner.
 */
export function createLearners(deps: LearnersDeps) {
  for (const handler of learnerJobHandlers(deps)) deps.jobRunner.register(handler);
  return {
    one: createOneLearner(deps),
    edit: createLearnerEdit(deps),
    imports: { ...createImportPreview(deps), ...createImportRun(deps) },
    bulk: createBulkArchive(deps),
    archiveRuns: createArchiveRuns(deps),
  };
}

export type Learners = ReturnType<typeof createLearners>;
