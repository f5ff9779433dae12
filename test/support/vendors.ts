import { VENDORS } from "../../src/config";

/**
 * Every vendor client unpaced (1,000 requests a second) for tests that do not measure pacing:
 * at the default 10 a second, a job over the demo seed spent seconds waiting between requests.
 * A test about pacing or rate limits sets its vendor's _RPS after these.
 */
export const UNPACED: Record<string, string> = Object.fromEntries(VENDORS.map((v) => [`${v.toUpperCase()}_RPS`, "1000"]));
