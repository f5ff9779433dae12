export type LearnerStatus = "Active" | "Archived";

/**
 * What the learner rules need to know of a learner CACWT already has (a subset of the CACWT
 * Learner in providers.md, so the adapter's learners can be passed as they are).
 */
export interface KnownLearner {
  email: string;
  status: LearnerStatus;
  firstName: string;
  lastName: string;
  affiliation: string;
  employeeType: string;
  /** YYYY-MM-DD */
  dateHire: string | null;
}

/** The fields CACWT is sent to create a learner (its temporary password is added by the caller). */
export interface NewLearner extends KnownLearner {
  userId: string;
  dateHire: string;
  organizationName: null;
  trainingManager: boolean;
  supervisor: boolean;
}
