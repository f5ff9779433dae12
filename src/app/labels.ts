/** How people see each vendor named: for the transports' sentences, as for the app's own. */
export { displayLabel, VENDOR_LABELS } from "../providers/labels";
