import type { ModalView } from "@slack/types";
import type { AdminSession } from "../../../providers/roles";
import { type ButtonSpec, clip, context, escape, type Message, section, sentence } from "../kit";
import { plain } from "../modal-kit";
import { CAREGIVER_ACTIONS } from "./ids";

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

/**
 * "Sign in to <LMS>" on a caregiver card or in App Home, for admins: the press mints the link for
 * the presser's own Slack email; the button carries nothing else.
 */
export function signInButton(lms: string): ButtonSpec {
  return { text: clip(`Sign in to ${lms}`, 75), actionId: CAREGIVER_ACTIONS.signIn, value: "sign-in" };
}

const TITLE = "Admin sign-in";

/** App Home has no response_url: the link (or why not) shows in a modal only the presser sees. */
export function signInModal(outcome: { session: AdminSession } | { problems: Array<{ message: string }> }, lms: string): ModalView {
  const blocks =
    "session" in outcome
      ? signInMessage(outcome.session, lms).blocks
      : [section(sentence(outcome.problems.map((p) => p.message).join(" ")))];
  return { type: "modal", title: plain(TITLE), close: plain("Done"), blocks };
}

export function signInLoadingModal(lms: string): ModalView {
  return {
    type: "modal",
    title: plain(TITLE),
    close: plain("Cancel"),
    blocks: [section(`Asking ${escape(lms)} for a one-time sign-in link…`)],
  };
}
