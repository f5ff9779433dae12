import type { Vendor } from "../config";

/** How a person names each vendor; used in every sentence a user may read. */
export const VENDOR_LABELS: Record<Vendor, string> = {
  teletrack: "Spectrum TeleTrack",
  careacademy: "CareAcademy",
  motivity: "Motivity",
  calmanac: "Calmanac",
  caresmartz: "Caresmartz360",
  cacwt: "CACWT",
  scim: "SCIM LMS",
};

/** The vendor's name as a user should see it next to its data: marked when the sandbox plays it. */
export function displayLabel(vendor: Vendor, sandboxVendors: ReadonlySet<Vendor>): string {
  return sandboxVendors.has(vendor) ? `${VENDOR_LABELS[vendor]} (sandbox demo data)` : VENDOR_LABELS[vendor];
}
