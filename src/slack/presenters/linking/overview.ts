import { count } from "../../../app/plural";
import type { ActionOutcome, LinkingOverview, LinkKind, Undo } from "../../../app/linking";
import {
  actions,
  context,
  header,
  section,
  shortName,
  shortText,
  type ButtonSpec,
  type KnownBlock,
  type Message,
} from "../kit";
import { sandboxNote } from "../sandbox";
import { findButton, ignoredRowBlock, linkedRowBlocks, NAME_MAX, rejectedRowBlock, unlinkedRowBlocks } from "./rows";
import { encode, LINK_ACTION, type ListView, type Position } from "./values";

/** Rows per list and page: two lists of eight rows of two blocks stay under Slack's 50 blocks. */
export const ROWS_PER_PAGE = 8;

const NAMES_SHOWN = 10;
const OUTCOME_ICON: Record<ActionOutcome["status"], string> = {
  done: ":white_check_mark:",
  unchanged: ":information_source:",
  stale: ":arrows_counterclockwise:",
};

const pageCount = (rows: number) => Math.max(1, Math.ceil(rows / ROWS_PER_PAGE));
const clamp = (page: number, rows: number) => Math.min(Math.max(page, 0), pageCount(rows) - 1);

function nameList(names: string[]): string {
  const shown = names
    .slice(0, NAMES_SHOWN)
    .map((name) => shortName(name, NAME_MAX))
    .join(", ");
  return names.length > NAMES_SHOWN ? `${shown} and ${names.length - NAMES_SHOWN} more` : shown;
}

/** "Motivity Support, left out as a service account": named, so nobody wonders where they went. */
function serviceAccountsLeftOut(names: string[]): string {
  const shown = names.slice(0, 3).map((n) => shortName(n, NAME_MAX));
  const more = names.length - shown.length;
  const list = more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(" and ");
  return `${list}, left out as ${names.length === 1 ? "a service account" : "service accounts"}`;
}

/** The button that takes an answer back: "Link again" after an Unlink, "Undo" after a "Not a match". */
function undoButton(undo: Undo, kind: LinkKind, position: Position): ButtonSpec {
  if (undo.type === "relink") {
    return {
      text: "Link again",
      actionId: LINK_ACTION.link,
      value: encode({ k: kind, m: undo.motivityId, c: undo.calmanacId, p: position }),
    };
  }
  return {
    text: "Undo",
    actionId: LINK_ACTION.unreject,
    value: encode({ k: kind, s: undo.side, id: undo.recordId, o: undo.others, t: undo.decidedAt, p: position }),
  };
}

/**
 * The result of a button, on top of the refreshed list; with "Link instead" when an email was
 * taken, or the button that undoes what was just done.
 */
export function outcomeBlocks(outcome: ActionOutcome, kind: LinkKind, position: Position): KnownBlock[] {
  // The message names people: kept short so the page below still fits in one Slack message.
  const blocks: KnownBlock[] = [section(`${OUTCOME_ICON[outcome.status]} ${shortText(outcome.message, 400)}`)];
  const instead = outcome.linkInstead;
  if (instead) {
    blocks.push(
      actions([
        {
          text: `Link to ${instead.name}`,
          actionId: LINK_ACTION.link,
          value: encode({ k: kind, m: instead.motivityId, c: instead.calmanacId, p: position }),
          style: "primary",
        },
      ]),
    );
  }
  const undo = outcome.undo;
  if (undo) {
    // After "Not a match", the right one may be someone no suggestion showed.
    const find =
      undo.type === "unreject"
        ? [findButton(kind, undo.side, { id: undo.recordId, name: undo.recordName }, position)]
        : [];
    blocks.push(actions([undoButton(undo, kind, position), ...find]));
  }
  return blocks;
}

const EXACT_RULE: Record<LinkKind, string> = { members: "same email", learners: "same full name and birth date" };

function runBlocks(o: LinkingOverview, position: Position): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (o.autoLinked.length > 0) {
    const names = o.autoLinked.map((p) => p.motivity.name);
    const what = o.autoLinked.length === 1 ? "exact match" : "exact matches";
    blocks.push(
      section(`:link: Linked *${o.autoLinked.length}* ${what} just now (${EXACT_RULE[o.kind]}): ${nameList(names)}.`),
    );
    if (o.canManage && o.autoLinkedAt !== null) {
      blocks.push(
        actions([
          {
            text: o.autoLinked.length === 1 ? "Undo this link" : "Undo these links",
            actionId: LINK_ACTION.undoAutoLinks,
            value: encode({ k: o.kind, t: o.autoLinkedAt, p: position }),
            confirm: {
              title: "Undo the links?",
              text: `Unlink the ${what} just linked? carebridge will not link ${o.autoLinked.length === 1 ? "it" : "them"} again unless you undo that under Not a match.`,
              confirm: "Unlink",
            },
          },
        ]),
      );
    }
  }
  if (o.autoLinkSkipped > 0) {
    blocks.push(
      context(
        `${count(o.autoLinkSkipped, "exact match", "exact matches")} changed in Motivity meanwhile and ${o.autoLinkSkipped === 1 ? "was" : "were"} not linked; run \`/link ${o.kind}\` again.`,
      ),
    );
  }
  if (o.exactMatchesWaiting > 0) {
    blocks.push(
      context(
        `${count(o.exactMatchesWaiting, "exact match", "exact matches")} will be linked the next time an admin runs \`/link ${o.kind}\`.`,
      ),
    );
  }
  return blocks;
}

function viewSwitch(o: LinkingOverview, position: Position): KnownBlock {
  const open = o.notLinkedInMotivity.length + o.notLinkedInCalmanac.length;
  const tab = (view: ListView, text: string): ButtonSpec => ({
    text,
    actionId: `${LINK_ACTION.page}:${view}`,
    value: encode({ kind: position.kind, view, a: 0, b: 0 }),
    ...(position.view === view ? { style: "primary" as const } : {}),
  });
  return actions([
    tab("open", `Not linked (${open})`),
    tab("linked", `Linked (${o.linked.length})`),
    tab("ignored", `Ignored (${o.ignored.length})`),
    tab("rejected", `Not a match (${o.rejected.length})`),
  ]);
}

/**
 * One paginated list: title, the page's rows, and Previous/Next when there is more than one page.
 * `pageOf` names the list's page in the position, so its pager moves only that list.
 */
function listBlocks<T>(
  title: string,
  rows: readonly T[],
  at: Position,
  pageOf: "a" | "b",
  pagerId: string,
  render: (row: T) => KnownBlock[],
): KnownBlock[] {
  const page = at[pageOf];
  const moveTo = (to: number): Position => ({ ...at, [pageOf]: to });
  const pages = pageCount(rows.length);
  const shown = rows.slice(page * ROWS_PER_PAGE, (page + 1) * ROWS_PER_PAGE);
  const blocks: KnownBlock[] = [
    section(
      `*${title}* · ${rows.length}${pages > 1 ? ` · page ${page + 1} of ${pages}` : ""}${rows.length === 0 ? "\n_Nobody._" : ""}`,
    ),
    ...shown.flatMap(render),
  ];
  const pager: ButtonSpec[] = [];
  if (page > 0)
    pager.push({ text: "Previous", actionId: `${LINK_ACTION.page}:prev-${pagerId}`, value: encode(moveTo(page - 1)) });
  if (page < pages - 1)
    pager.push({ text: "Next", actionId: `${LINK_ACTION.page}:next-${pagerId}`, value: encode(moveTo(page + 1)) });
  if (pager.length > 0) blocks.push(actions(pager));
  return blocks;
}

function listsFor(o: LinkingOverview, at: Position): KnownBlock[] {
  const { kind } = o;
  switch (at.view) {
    case "open":
      return [
        ...listBlocks("Not linked in Motivity", o.notLinkedInMotivity, at, "a", "m", (row) =>
          unlinkedRowBlocks(row, "motivity", at, o.canManage),
        ),
        ...listBlocks("Not linked in Calmanac", o.notLinkedInCalmanac, at, "b", "c", (row) =>
          unlinkedRowBlocks(row, "calmanac", at, o.canManage),
        ),
      ];
    case "linked":
      return listBlocks("Linked", o.linked, at, "a", "l", (pair) => linkedRowBlocks(pair, kind, at, o.canManage));
    case "rejected":
      return listBlocks("Not a match", o.rejected, at, "a", "r", (pair) => [
        rejectedRowBlock(pair, kind, at, o.canManage),
      ]);
    case "ignored":
      return listBlocks("Ignored", o.ignored, at, "a", "i", (record) => [
        ignoredRowBlock(record, kind, at, o.canManage),
      ]);
  }
}

/** The page of `position` within the overview's lists as they are now (a list may have shrunk). */
export function clampPosition(o: LinkingOverview, position: Position): Position {
  const first = {
    open: o.notLinkedInMotivity.length,
    linked: o.linked.length,
    ignored: o.ignored.length,
    rejected: o.rejected.length,
  }[position.view];
  return {
    ...position,
    kind: o.kind,
    a: clamp(position.a, first),
    b: position.view === "open" ? clamp(position.b, o.notLinkedInCalmanac.length) : 0,
  };
}

/** `/link members|learners`: what was just linked, then the lists, a page at a time. */
export function overviewMessage(o: LinkingOverview, position: Position, outcome?: ActionOutcome): Message {
  const at = clampPosition(o, position);
  const title = o.kind === "members" ? "Members: Motivity ↔ Calmanac staff" : "Learners: Motivity ↔ Calmanac clients";
  const counts = [
    `${o.notLinkedInMotivity.length} not linked in Motivity`,
    `${o.notLinkedInCalmanac.length} not linked in Calmanac`,
    `${o.linked.length} linked`,
    ...(o.serviceAccounts.length > 0 ? [serviceAccountsLeftOut(o.serviceAccounts)] : []),
  ].join(" · ");
  const note = sandboxNote(o.sandboxVendors);
  const blocks: KnownBlock[] = [
    header(title),
    ...(outcome ? outcomeBlocks(outcome, o.kind, at) : []),
    ...runBlocks(o, at),
    context(o.canManage ? counts : `${counts} · you can look; an admin makes the links.`),
    viewSwitch(o, at),
    ...listsFor(o, at),
    ...(note ? [context(note)] : []),
  ];
  const summary = `${title}: ${counts}.`;
  return { text: outcome ? `${outcome.message} ${summary}` : summary, blocks };
}
