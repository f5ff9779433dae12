/** Action and callback ids of the learner workflow: listeners register these, presenters put them on buttons. */
export const LEARNER_ACTION = {
  archive: "learner.archive",
  reactivate: "learner.reactivate",
  import: "learner.import",
  importCancel: "learner.import-cancel",
  importErrors: "learner.import-errors",
  importChanges: "learner.import-changes",
  bulkConfirm: "learner.archive-bulk-confirm",
  bulkCancel: "learner.archive-bulk-cancel",
  /** Approve and Reject serve every run that archives: a bulk archive, an import with Status = Archived rows. */
  bulkApprove: "learner.archive-bulk-approve",
  bulkReject: "learner.archive-bulk-reject",
  reactivateAll: "learner.reactivate-all",
} as const;

export const LEARNER_VIEW = {
  add: "learner.add",
  reactivateOffer: "learner.reactivate-offer",
  archiveBulk: "learner.archive-bulk",
} as const;
