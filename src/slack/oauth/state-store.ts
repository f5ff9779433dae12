import { createHmac, timingSafeEqual } from "node:crypto";
import type { InstallURLOptions, StateStore } from "@slack/bolt";
import type { Installations } from "../../app/installations";

/** How long an install link stays good: Bolt's state cookie lasts as long. */
export const STATE_TTL_SECONDS = 600;

/** Bolt's code for a state it cannot accept; the failure page tells the installer to start again. */
export const INVALID_STATE = "slack_oauth_invalid_state";

function invalidState(why: string): Error {
  return Object.assign(new Error(`OAuth state refused: ${why}`), { code: INVALID_STATE });
}

/**
 * OAuth states that are usable once, on any instance: kept in the database until the callback
 * takes them, and signed with SLACK_STATE_SECRET so a made-up state is refused before any lookup.
 */
export function databaseStateStore(installations: Installations, stateSecret: string): StateStore {
  const sign = (id: string) => createHmac("sha256", stateSecret).update(id).digest("base64url");
  return {
    async generateStateParam(installOptions: InstallURLOptions) {
      const id = await installations.issueState(installOptions, STATE_TTL_SECONDS * 1000);
      return `${id}.${sign(id)}`;
    },
    async verifyStateParam(_now: Date, state: string) {
      const [id = "", signature = ""] = state.split(".");
      const expected = Buffer.from(sign(id));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidState("bad signature");
      const options = await installations.takeState(id);
      if (!options) throw invalidState("expired or already used");
      return options as InstallURLOptions;
    },
  };
}
