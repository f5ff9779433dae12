import type { Vendor } from "../config";
import { VENDOR_LABELS } from "../providers/labels";

/**
 * The workspace's LMS as people name it, for every sentence about it: the caregiver and the
 * learner use-cases both hold the vendor playing it (`lmsVendor`, read per workspace).
 */
export const lmsName = (deps: { readonly lmsVendor: Vendor }): string => VENDOR_LABELS[deps.lmsVendor];
