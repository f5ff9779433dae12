import type { Vendor } from "../config";

/** How a person names each vendor; used in every sentence a user may read. */
export const VENDOR_LABELS: Record<Vendor, string> = {
  teletrack: "Spectrum TeleTrack",
  careacademy: "CareAcademy",
  motivity: "Motivity",
  calmanac: "Calmanac",
  caresmartz: "Caresmartz360",
  cacwt: "CACWT",
  scim: "The SCIM training system",
};
