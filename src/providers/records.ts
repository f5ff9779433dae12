import { z } from "zod";

/**
 * The records each vendor contract carries (../shared/providers.md), as zod schemas so that
 * every adapter checks what a vendor (or the sandbox) sends: a drifted contract fails loudly
 * at the adapter instead of leaking malformed data into the use-cases.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a YYYY-MM-DD date");

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable().optional() });

export const caregiverSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  mobilePhone: z.string().nullable(),
  birthDate: isoDate.nullable(),
  state: z.string().length(2),
  status: z.enum(["active", "inactive"]),
  updatedAt: z.string(),
});
export type Caregiver = z.infer<typeof caregiverSchema>;

export const lmsUserSchema = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  mobilePhone: z.string().nullable(),
  birthDate: isoDate.nullable(),
  state: z.string(),
  status: z.enum(["active", "deactivated"]),
  trainingDueDate: isoDate.nullable(),
});
export type LmsUser = z.infer<typeof lmsUserSchema>;

export const adminSessionSchema = z.object({ url: z.string(), expiresAt: z.string() });
export type AdminSession = z.infer<typeof adminSessionSchema>;

export const roleSchema = z.object({ id: z.string(), name: z.string() });
export type Role = z.infer<typeof roleSchema>;
export const officeSchema = roleSchema;
export type Office = z.infer<typeof officeSchema>;
export const namedListSchema = z.object({ data: z.array(roleSchema) });

export const memberSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  roleId: z.string().nullable(),
  serviceAccount: z.boolean(),
  calmanacId: z.string().nullable(),
});
export type Member = z.infer<typeof memberSchema>;

/** A Motivity learner (a client of the practice). */
export const learnerSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: isoDate.nullable(),
  alias: z.string(),
  calmanacId: z.string().nullable(),
});
export type Learner = z.infer<typeof learnerSchema>;

export const calmanacStaffSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type CalmanacStaff = z.infer<typeof calmanacStaffSchema>;

export const calmanacClientSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: isoDate.nullable(),
});
export type CalmanacClient = z.infer<typeof calmanacClientSchema>;

export const agencyUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  roleId: z.string(),
  officeId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  businessEmail: z.string(),
  mobilePhone: z.string().nullable(),
  showOnCareCoordinatorList: z.boolean(),
  showOnSupervisorList: z.boolean(),
  lmsManager: z.boolean(),
  sendToActivatedInsights: z.boolean(),
  status: z.enum(["active", "inactive"]),
});
export type AgencyUser = z.infer<typeof agencyUserSchema>;

export const cacwtLearnerSchema = z.object({
  userId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  status: z.enum(["Active", "Archived"]),
  affiliation: z.string(),
  organizationName: z.string().nullable(),
  employeeType: z.string(),
  dateHire: isoDate,
  trainingManager: z.boolean(),
  supervisor: z.boolean(),
});
export type CacwtLearner = z.infer<typeof cacwtLearnerSchema>;

export const importStartedSchema = z.object({ importId: z.string() });
export const importStatusSchema = z.object({
  status: z.enum(["pending", "done"]),
  created: z.number().int(),
  updated: z.number().int(),
  failed: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export type ImportStatus = z.infer<typeof importStatusSchema>;
