import type { Vendor } from "../../config";
import { redactText } from "../../logger";
import { ConflictError, NotFoundError, ProviderError, UnauthorizedError, ValidationError } from "./errors";
import { VENDOR_LABELS } from "../labels";

/** What a vendor's error body says, whatever its format. */
export interface VendorErrorBody {
  code?: string;
  message?: string;
  fields?: Record<string, string>;
  existingId?: string;
}

export type ErrorBodyReader = (body: unknown) => VendorErrorBody;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** The common contract: `{ error: { code, message, fields?, existingId? } }`. */
export const readContractError: ErrorBodyReader = (body) => {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const fields = isRecord(error.fields)
    ? Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, String(v)]))
    : undefined;
  return { code: str(error.code), message: str(error.message), fields, existingId: str(error.existingId) };
};

/** Maps a refused request (any 4xx but 429) to the typed error the use-cases handle. */
export function refusalError(vendor: Vendor, status: number, info: VendorErrorBody): ProviderError {
  const detail = info.message === undefined ? undefined : redactText(info.message);
  const code = info.code;
  switch (status) {
    case 400:
    case 422:
      return new ValidationError({ vendor, status, code, fields: info.fields, detail });
    case 401:
    case 403:
      return new UnauthorizedError({ vendor, status, code, detail });
    case 404:
      return new NotFoundError({ vendor, code, detail });
    case 409:
    case 412:
      return new ConflictError({ vendor, status, code: code ?? `http_${status}`, existingId: info.existingId, detail });
    default:
      return new ProviderError(`${VENDOR_LABELS[vendor]} refused the request (HTTP ${status}).`, {
        vendor,
        status,
        code,
        detail,
      });
  }
}
