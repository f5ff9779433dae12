import type { Vendor } from "../../../config";
import { displayLabel } from "../../../app/labels";
import { sandboxNote } from "../sandbox";

/** How the two systems are named next to their data, marked when the sandbox plays them. */
export interface CaregiverLabels {
  lms: string;
  teletrack: string;
  sandbox: string | undefined;
}

export function caregiverLabels(lmsVendor: Vendor, sandboxVendors: ReadonlySet<Vendor>): CaregiverLabels {
  const shown = [...sandboxVendors].filter((v) => v === lmsVendor || v === "teletrack");
  return {
    lms: displayLabel(lmsVendor, sandboxVendors),
    teletrack: displayLabel("teletrack", sandboxVendors),
    sandbox: sandboxNote(shown),
  };
}
