import type { Config, Vendor } from "../../../config";
import { displayLabel } from "../../../app/labels";

/** The system learners live in, as users should read it next to its data (marked when it is the sandbox). */
export function learnerSource(learnerLms: Config["learnerLms"], sandboxVendors: ReadonlySet<Vendor>): string {
  return displayLabel(learnerLms === "scim" ? "scim" : "cacwt", sandboxVendors);
}
