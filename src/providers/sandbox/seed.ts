import { seedAgency } from "./seed-agency";
import { seedLearners } from "./seed-learners";
import { seedLinking } from "./seed-linking";
import type { SandboxState } from "./state";

/** Demo data that exercises each workflow; every record is fictional (example domains, 555-01xx numbers). */
export function seedDemo(state: SandboxState): void {
  seedAgency(state);
  seedLinking(state);
  seedLearners(state);
}
