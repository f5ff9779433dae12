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
  /** On the preview: leave one learner the filter found out of the archive, put them back, page through them. */
  bulkLeaveOut: "learner.archive-bulk-leave-out",
  bulkPutBack: "learner.archive-bulk-put-back",
  bulkPrevious: "learner.archive-bulk-previous",
  bulkNext: "learner.archive-bulk-next",
  /** Approve and Reject serve every run that archives: a bulk archive, an import with Status = Archived rows. */
  bulkApprove: "learner.archive-bulk-approve",
  bulkReject: "learner.archive-bulk-reject",
  reactivateAll: "learner.reactivate-all",
  /** Edit on a learner card (value: the CACWT User ID). */
  edit: "learner.edit",
} as const;

export const LEARNER_VIEW = {
  add: "learner.add",
  reactivateOffer: "learner.reactivate-offer",
  archiveBulk: "learner.archive-bulk",
  edit: "learner.edit",
} as const;
