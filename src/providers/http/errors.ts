import type { Vendor } from "../../config";
import { VENDOR_LABELS } from "../labels";

/** Anything a vendor call can fail with. `code` is the vendor's snake_case error code when it gave one. */
export class ProviderError extends Error {
  readonly vendor: Vendor;
  readonly status: number | undefined;
  readonly code: string | undefined;
  /** The vendor's own message, with personal data redacted; for logs and support, not for users. */
  readonly detail: string | undefined;

  constructor(
    message: string,
    init: { vendor: Vendor; status?: number; code?: string; detail?: string; cause?: unknown },
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "ProviderError";
    this.vendor = init.vendor;
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
  }
}

/**
 * 409: the record clashes with one that exists (e.g. `email_taken`); `existingId` names it when the
 * vendor said. `message` replaces the generic sentence where the adapter knows what to do.
 */
export class ConflictError extends ProviderError {
  override readonly code: string;
  readonly existingId: string | undefined;

  constructor(init: {
    vendor: Vendor;
    status?: number;
    code: string;
    existingId?: string;
    detail?: string;
    message?: string;
  }) {
    super(init.message ?? `${VENDOR_LABELS[init.vendor]} already has a record that conflicts (${init.code}).`, init);
    this.name = "ConflictError";
    this.code = init.code;
    this.existingId = init.existingId;
  }
}

/** 400/422: the vendor refused the data; `fields` maps each field to what is wrong with it. */
export class ValidationError extends ProviderError {
  readonly fields: Record<string, string>;

  constructor(init: {
    vendor: Vendor;
    status?: number;
    code?: string;
    fields?: Record<string, string>;
    detail?: string;
  }) {
    const names = Object.keys(init.fields ?? {});
    super(
      `${VENDOR_LABELS[init.vendor]} refused the data${names.length > 0 ? ` (check ${names.join(", ")})` : ""}.`,
      init,
    );
    this.name = "ValidationError";
    this.fields = init.fields ?? {};
  }
}

export class NotFoundError extends ProviderError {
  constructor(init: { vendor: Vendor; code?: string; detail?: string }) {
    super(`${VENDOR_LABELS[init.vendor]} has no such record.`, { ...init, status: 404 });
    this.name = "NotFoundError";
  }
}

/** 401/403: the API key is wrong, expired or lacks a permission; only an administrator can fix it. */
export class UnauthorizedError extends ProviderError {
  constructor(init: { vendor: Vendor; status: number; code?: string; detail?: string }) {
    super(
      `${VENDOR_LABELS[init.vendor]} refused carebridge's API key; an administrator needs to check the key and its permissions.`,
      init,
    );
    this.name = "UnauthorizedError";
  }
}

export type UnavailableReason = "circuit_open" | "timeout" | "network" | "server_error" | "rate_limited";

/**
 * The vendor is down, failing or busy. `mayHaveApplied` is true when a write reached the vendor
 * and its outcome is unknown (e.g. a create that timed out): look the record up before retrying.
 */
export class UnavailableError extends ProviderError {
  readonly reason: UnavailableReason;
  readonly mayHaveApplied: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(init: {
    vendor: Vendor;
    reason: UnavailableReason;
    status?: number;
    mayHaveApplied?: boolean;
    retryAfterMs?: number;
    detail?: string;
    cause?: unknown;
  }) {
    const label = VENDOR_LABELS[init.vendor];
    super(
      init.reason === "rate_limited"
        ? `${label} is busy right now; try again in a minute.`
        : `${label} is not answering right now; try again in a few minutes.`,
      init,
    );
    this.name = "UnavailableError";
    this.reason = init.reason;
    this.mayHaveApplied = init.mayHaveApplied ?? false;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** The adapter playing a role cannot do this (e.g. single sign-on through SCIM). */
export class UnsupportedError extends ProviderError {
  constructor(vendor: Vendor, message: string) {
    super(message, { vendor });
    this.name = "UnsupportedError";
  }
}
