import { z } from "zod";
import type { ErrorBodyReader } from "../http/vendor-errors";

/** RFC 7643/7644 names. */
export const SCIM_MEDIA_TYPE = "application/scim+json";
export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const LIST_RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

const multiValued = z.array(
  z.object({ value: z.string().optional(), type: z.string().optional(), primary: z.boolean().optional() }),
);

/** The part of a SCIM User (RFC 7643 §4.1, §4.3) carebridge reads; everything else is ignored. */
export const scimUserSchema = z.object({
  id: z.string(),
  externalId: z.string().optional(),
  userName: z.string(),
  name: z.object({ givenName: z.string().optional(), familyName: z.string().optional() }).optional(),
  emails: multiValued.optional(),
  phoneNumbers: multiValued.optional(),
  addresses: z.array(z.object({ type: z.string().optional(), region: z.string().optional() })).optional(),
  active: z.boolean().optional(),
  userType: z.string().optional(),
  roles: multiValued.optional(),
  [ENTERPRISE_SCHEMA]: z.object({ organization: z.string().optional(), division: z.string().optional() }).optional(),
  meta: z.object({ created: z.string().optional(), version: z.string().optional() }).optional(),
});
export type ScimUser = z.infer<typeof scimUserSchema>;

export const listResponseSchema = z.object({
  totalResults: z.number().int(),
  startIndex: z.number().int().optional(),
  itemsPerPage: z.number().int().optional(),
  Resources: z.array(scimUserSchema).optional(),
});

/** SCIM error bodies: `{ schemas: [Error], status, scimType?, detail? }` (RFC 7644 §3.12). */
export const readScimError: ErrorBodyReader = (body) => {
  const b = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  return {
    code: typeof b.scimType === "string" ? b.scimType : undefined,
    message: typeof b.detail === "string" ? b.detail : undefined,
  };
};

/** A filter comparison; the value is a JSON string literal, so quotes and backslashes are escaped. */
export const eq = (attribute: string, value: string): string => `${attribute} eq ${JSON.stringify(value)}`;

export const primaryValue = (values: ScimUser["emails"]): string | undefined =>
  (values?.find((v) => v.primary) ?? values?.[0])?.value;
