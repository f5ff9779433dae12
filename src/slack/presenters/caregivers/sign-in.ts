import type { AdminSession } from "../../../providers/roles";
import { context, escape, type Message, section } from "../kit";

/** The one-time admin link; only ever sent ephemerally to the admin who asked. */
export function signInMessage(session: AdminSession, lms: string): Message {
  const at = Math.floor(Date.parse(session.expiresAt) / 1000);
  return {
    text: `Your one-time ${lms} sign-in link (only you can see it).`,
    blocks: [
      section(`<${session.url}|Sign in to ${escape(lms)} as an administrator>`),
      context(
        `Only you can see this. The link works once and expires <!date^${at}^{time}|${escape(session.expiresAt)}>; don't share it.`,
      ),
    ],
  };
}
