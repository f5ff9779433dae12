import type { InputBlock, ModalView, PlainTextOption } from "@slack/types";
import type { PersonRef, Side } from "../../../app/linking";
import { clip, escapeName, section } from "../kit";
import { SEARCH_CALLBACK, SEARCH_ELEMENT, type SearchMetadata } from "./values";

const plain = (text: string) => ({ type: "plain_text" as const, text: text.slice(0, 150) });
const VENDOR: Record<Side, string> = { motivity: "Motivity", calmanac: "Calmanac" };

/** "Find in …": search the other side by name or email, pick one, Link. */
export function searchModal(name: string, metadata: SearchMetadata): ModalView {
  const other = VENDOR[metadata.s === "motivity" ? "calmanac" : "motivity"];
  const pick: InputBlock = {
    type: "input",
    block_id: SEARCH_ELEMENT,
    label: plain(`Who in ${other}?`),
    hint: plain(`Type part of a name or an email; everyone in ${other} not linked yet can be found.`),
    element: {
      type: "external_select",
      action_id: SEARCH_ELEMENT,
      min_query_length: 2,
      placeholder: plain("Name or email"),
    },
  };
  return {
    type: "modal",
    callback_id: SEARCH_CALLBACK,
    title: plain("Link to someone"),
    submit: plain("Link"),
    close: plain("Cancel"),
    private_metadata: JSON.stringify(metadata),
    blocks: [section(`Link *${escapeName(name)}* (${VENDOR[metadata.s]}) to someone in ${other}.`), pick],
  };
}

/** The options of the search, as Slack shows them: "Jane Doe · jane@x.example", at most 75 characters. */
export function searchOptions(found: readonly PersonRef[]): PlainTextOption[] {
  return found.map((p) => ({
    text: plain(clip(p.detail ? `${p.name} · ${p.detail}` : p.name, 75)),
    value: p.id,
  }));
}
