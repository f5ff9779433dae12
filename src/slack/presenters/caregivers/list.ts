import type { Button, SectionBlock } from "@slack/types";
import type { CaregiverListPage, CaregiverRow, ListFilter } from "../../../app/caregivers";
import { LIST_FILTERS } from "../../../app/caregivers";
import type { Blocker } from "../../../domain/caregivers/readiness";
import {
  actions,
  button,
  type ButtonSpec,
  context,
  escape,
  header,
  type KnownBlock,
  type Message,
  section,
  shortName,
  shortText,
} from "../kit";
import { CAREGIVER_ACTIONS, encodeValue } from "./ids";
import type { CaregiverLabels } from "./labels";

/** A list button's value: which list and page, and whom the message was made for. */
export interface ListPageValue {
  f: ListFilter;
  p: number;
  u?: string;
}

/** The filter buttons: caregiver.list-show:not-synced, …; one listener matches them all. */
export const LIST_SHOW_PATTERN = /^caregiver\.list-show:[a-z-]+$/;

export function readListValue(text: string | undefined): ListPageValue | undefined {
  try {
    const parsed = JSON.parse(text ?? "") as Partial<ListPageValue>;
    if (!(LIST_FILTERS as readonly unknown[]).includes(parsed.f) || typeof parsed.p !== "number") return undefined;
    if (parsed.u !== undefined && typeof parsed.u !== "string") return undefined;
    return { f: parsed.f as ListFilter, p: parsed.p, ...(parsed.u !== undefined ? { u: parsed.u } : {}) };
  } catch {
    return undefined;
  }
}

const listValue = (value: ListPageValue): string => JSON.stringify(value);

const FILTER_WORDS: Record<ListFilter, string> = {
  "not-synced": "Not synced",
  "cannot-sync": "Can't sync",
  deactivated: "Deactivated",
  all: "All",
};

function emptyLine(filter: ListFilter, lms: string): string {
  switch (filter) {
    case "not-synced":
      return `Nothing waits to sync: every caregiver who can sync is in ${lms} and up to date.`;
    case "cannot-sync":
      return `No caregiver is blocked: everyone active in TeleTrack has what the sync needs, and ${lms} refused none at the last sync.`;
    case "deactivated":
      return `No caregiver's ${lms} account is deactivated.`;
    case "all":
      return "TeleTrack has no caregivers yet.";
  }
}

/** What blocks the sync, in a few words per readiness rule; the card has the full sentences. */
function blockerWords(blocker: Blocker, state: string): string {
  switch (blocker.field) {
    case "email":
      return "no email";
    case "birthDate":
      return `no birth date (${state} requires one)`;
    case "status":
      return "inactive in TeleTrack";
  }
}

function statusWords(row: CaregiverRow, lms: string): string {
  const account =
    row.lmsStatus === "active"
      ? `:large_green_circle: Active in ${lms}`
      : row.lmsStatus === "deactivated"
        ? `:white_circle: Deactivated in ${lms}${row.held ? " (on purpose; syncs leave it so)" : ""}`
        : // carebridge has not linked an account; the LMS may have one it would adopt (same email).
          `Not synced to ${lms}${row.sync === "not-in-lms" ? " yet" : ""}`;
  switch (row.sync) {
    case "changed":
      return `${account} · changes in TeleTrack not synced`;
    case "inactive":
      return `${account} · inactive in TeleTrack`;
    default:
      return account;
  }
}

function rowBlock(row: CaregiverRow, madeFor: string, labels: CaregiverLabels): SectionBlock {
  const state = shortText(row.state, 8);
  const name = `*${shortName(`${row.lastName}, ${row.firstName}`, 80)}* · ${shortText(row.id, 40)} · ${state}`;
  const lines = [name, escape(statusWords(row, shortText(labels.lms, 60)))];
  const blocks = row.blockers.filter((b) => b.field !== "status" || row.sync !== "inactive");
  if (blocks.length > 0)
    lines.push(
      `:no_entry: Can't sync: ${escape(blocks.map((b) => blockerWords(b, row.state.slice(0, 8))).join(", "))}`,
    );
  // The LMS's sentence, cut so that ten rows stay well inside a message's text.
  if (row.refusal !== null) lines.push(`:no_entry: Can't sync: at the last sync, ${shortText(row.refusal, 300)}`);
  if (row.noMobilePhone && row.sync !== "inactive") lines.push(":warning: no mobile phone (no text reminders)");
  const card: Button = button({
    text: "Card",
    actionId: CAREGIVER_ACTIONS.listCard,
    value: encodeValue({ c: row.id, u: madeFor }),
  });
  return { ...section(lines.join("\n")), accessory: card };
}

/**
 * One page of `/caregiver list`: filter buttons with their counts, a row per caregiver (name,
 * TeleTrack id, state, LMS status as carebridge recorded it, what blocks the sync) with a Card
 * button, and Previous/Next. At most 10 rows: 16 blocks, about 4,000 characters at worst.
 */
export function caregiverListMessage(list: CaregiverListPage, madeFor: string, labels: CaregiverLabels): Message {
  const { filter, rows, page, pageCount, total, counts } = list;
  const lms = labels.lms;
  const filters: ButtonSpec[] = LIST_FILTERS.map((f) => ({
    text: `${FILTER_WORDS[f]} (${counts[f]})`,
    actionId: `${CAREGIVER_ACTIONS.listShow}:${f}`,
    value: listValue({ f, p: 1, u: madeFor }),
    ...(f === filter ? { style: "primary" as const } : {}),
  }));
  const pages: ButtonSpec[] = [
    ...(page > 1
      ? [
          {
            text: "Previous",
            actionId: CAREGIVER_ACTIONS.listPrevious,
            value: listValue({ f: filter, p: page - 1, u: madeFor }),
          },
        ]
      : []),
    ...(page < pageCount
      ? [
          {
            text: "Next",
            actionId: CAREGIVER_ACTIONS.listNext,
            value: listValue({ f: filter, p: page + 1, u: madeFor }),
          },
        ]
      : []),
  ];
  const summary = `${FILTER_WORDS[filter]}: ${total} caregiver${total === 1 ? "" : "s"}${pageCount > 1 ? ` · page ${page} of ${pageCount}` : ""}`;
  const blocks: KnownBlock[] = [
    header(`Caregivers · ${FILTER_WORDS[filter]}`),
    actions(filters),
    context(
      `${escape(summary)} · ${escape(lms)} status as carebridge last synced it; a card shows it live. \`/caregiver list not-synced | cannot-sync | deactivated | all\``,
    ),
    ...(rows.length > 0 ? rows.map((r) => rowBlock(r, madeFor, labels)) : [section(escape(emptyLine(filter, lms)))]),
    ...(pages.length > 0 ? [actions(pages)] : []),
    ...(labels.sandbox ? [context(labels.sandbox)] : []),
  ];
  return { text: `Caregivers, ${summary.charAt(0).toLowerCase()}${summary.slice(1)}`, blocks };
}
