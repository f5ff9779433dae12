import type { Vendor } from "../../config";
import { VENDOR_LABELS } from "../../app/labels";

/** A line that says which systems are the sandbox, or nothing when every vendor is real. */
export function sandboxNote(vendors: Iterable<Vendor>): string | undefined {
  const names = [...vendors].map((v) => VENDOR_LABELS[v]);
  if (names.length === 0) return undefined;
  return `:test_tube: Sandbox: ${names.join(", ")} ${names.length === 1 ? "is" : "are"} demo data, not your real systems.`;
}
