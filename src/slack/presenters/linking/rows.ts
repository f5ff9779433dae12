import type { SectionBlock } from "@slack/types";
import type {
  Candidate,
  IgnoredRecord,
  LinkedPair,
  LinkKind,
  PersonRef,
  RejectedPair,
  Side,
  UnlinkedRow,
} from "../../../app/linking";
import { VENDOR_LABELS } from "../../../app/labels";
import {
  actions,
  button,
  BUTTON_TEXT_MAX,
  clip,
  section,
  shortName,
  shortText,
  type ButtonSpec,
  type KnownBlock,
} from "../kit";
import { encode, LINK_ACTION, type Position } from "./values";

export const percent = (score: number) => `${Math.round(score * 100)}%`;

/*
 * Names, details and reasons are shortened in rows: a page of two lists of eight rows, each
 * with three suggestions and their buttons, must stay under Slack's ~12,000 characters of text
 * in one message however long the vendors' names are, and whatever they hold ("*" or "<" take
 * several characters once neutralised). Since rows gained "why not linked" and "Find in …",
 * details and reasons of 40 characters took such a page past that limit; 28 keep most emails.
 */
export const NAME_MAX = 30;
const DETAIL_MAX = 28;

/** " · born 2016-04-12" for a learner beside look-alikes, where the birth date tells them apart. */
const born = (person: PersonRef, show: boolean) => (show && person.birthDate ? ` · born ${person.birthDate}` : "");

function who(person: PersonRef, showBirthDate = false): string {
  const detail = person.detail ? ` · ${shortText(person.detail, DETAIL_MAX)}` : "";
  return `*${shortName(person.name, NAME_MAX)}*${detail}${born(person, showBirthDate)}`;
}

function candidateLine(candidate: Candidate, showBirthDate: boolean): string {
  const reasons = candidate.reasons.length > 0 ? ` — ${shortText(candidate.reasons.join("; "), DETAIL_MAX)}` : "";
  const why = candidate.notAutoLinked
    ? ` _(not linked automatically: ${shortText(candidate.notAutoLinked, DETAIL_MAX)})_`
    : "";
  return `• ${shortName(candidate.person.name, NAME_MAX)}${born(candidate.person, showBirthDate)} · ${percent(candidate.score)}${reasons}${why}`;
}

/** "Find in Calmanac…": link to anyone on the other side, searched by name or email. */
export function findButton(
  kind: LinkKind,
  side: Side,
  person: { id: string; name: string },
  position: Position,
): ButtonSpec {
  return {
    text: `Find in ${side === "motivity" ? "Calmanac" : "Motivity"}…`,
    actionId: LINK_ACTION.search,
    value: encode({ k: kind, s: side, id: person.id, n: person.name.slice(0, 200), p: position }),
  };
}

/** From this score on, "+ Create" asks first: the person may already be on the other side. */
export const LIKELY_DUPLICATE = 0.9;

/** "Link to Jane Doe · 94%": a long name is shortened, never the score. */
function linkButtonText(candidate: Candidate): string {
  const score = ` · ${percent(candidate.score)}`;
  const prefix = "Link to ";
  return `${prefix}${clip(candidate.person.name, BUTTON_TEXT_MAX - prefix.length - score.length)}${score}`;
}

function withAccessory(block: SectionBlock, spec: ButtonSpec | undefined): SectionBlock {
  return spec ? { ...block, accessory: button(spec) } : block;
}

/**
 * One record nobody has linked: its likely matches in words, then (for admins) a button per
 * match, "Not a match" for the ones shown, "Ignore", and on the Calmanac side "+ Create in Motivity".
 */
export function unlinkedRowBlocks(row: UnlinkedRow, side: Side, position: Position, canManage: boolean): KnownBlock[] {
  const other = side === "motivity" ? "Calmanac" : "Motivity";
  // Learners' birth dates are shown only where a look-alike needs telling apart.
  const showBirthDates = position.kind === "learners" && row.candidates.length > 0;
  const lines =
    row.candidates.length > 0
      ? row.candidates.map((c) => candidateLine(c, showBirthDates))
      : [`_No likely match in ${other}._`];
  // The matcher kept the first of equal namesakes by id alone: the person may be among the
  // others, which only a search by name or email shows. Admins get the count on the Find button,
  // as short as the button was: a line in every row, or a longer button, took the fullest page
  // past Slack's ~12,000 characters of text.
  const tied = row.tiedBeyond ?? 0;
  if (tied > 0 && !canManage) lines.push(`_…and ${tied.toLocaleString("en-US")} more just as likely, not shown._`);
  const text = section(`${who(row.person, showBirthDates)}\n${lines.join("\n")}`);
  if (!canManage) return [text];
  const k = position.kind;
  const pairOf = (otherId: string) =>
    side === "motivity" ? { m: row.person.id, c: otherId } : { m: otherId, c: row.person.id };
  const buttons: ButtonSpec[] = row.candidates.map((c, i) => ({
    text: linkButtonText(c),
    actionId: `${LINK_ACTION.link}:${i}`,
    value: encode({ k, ...pairOf(c.person.id), p: position }),
    ...(i === 0 ? { style: "primary" as const } : {}),
  }));
  if (side === "calmanac") {
    const best = row.candidates[0];
    buttons.push({
      text: "+ Create in Motivity",
      actionId: LINK_ACTION.create,
      value: encode({ k, c: row.person.id, p: position }),
      ...(best && best.score >= LIKELY_DUPLICATE
        ? {
            confirm: {
              title: "Create a second profile?",
              text: `${shortName(row.person.name, NAME_MAX)} may already be in Motivity as ${shortName(best.person.name, NAME_MAX)} (${percent(best.score)} alike). A new profile may duplicate them: if it is the same person, link instead.`,
              confirm: "Create anyway",
            },
          }
        : {}),
    });
  }
  if (row.candidates.length > 0) {
    buttons.push({
      text: row.candidates.length === 1 ? "Not a match" : "None of these",
      actionId: LINK_ACTION.reject,
      value: encode({ k, s: side, id: row.person.id, o: row.candidates.map((c) => c.person.id), p: position }),
    });
  }
  const find = findButton(k, side, row.person, position);
  // No longer than "Find in Calmanac…": a row's button text counts towards the page's budget too.
  buttons.push(tied > 0 ? { ...find, text: `Find ${tied > 999 ? "999+" : tied} more…` } : find);
  buttons.push({
    text: "Ignore",
    actionId: LINK_ACTION.ignore,
    value: encode({ k, s: side, id: row.person.id, p: position }),
  });
  return [text, actions(buttons)];
}

/**
 * A linked pair, with Unlink for admins; a learner also gets "Change alias" (the alias is how
 * Motivity shows them without their name, and seed 001 says it can be changed after creation).
 */
export function linkedRowBlocks(
  pair: LinkedPair,
  kind: LinkKind,
  position: Position,
  canManage: boolean,
): KnownBlock[] {
  const calmanac = pair.calmanac ? who(pair.calmanac) : "_a Calmanac record that no longer exists_";
  const text = section(`${who(pair.motivity)} (Motivity)\n↔ ${calmanac} (Calmanac)`);
  const unlink: ButtonSpec | undefined = canManage
    ? {
        text: "Unlink",
        actionId: LINK_ACTION.unlink,
        value: encode({ k: kind, m: pair.motivity.id, c: pair.calmanacId, p: position }),
        style: "danger",
        confirm: {
          title: "Unlink?",
          text: `Unlink ${shortName(pair.motivity.name)} from ${shortName(pair.calmanac?.name ?? "that Calmanac record")}? carebridge will not suggest this pair again.`,
          confirm: "Unlink",
        },
      }
    : undefined;
  if (!unlink || kind !== "learners") return [withAccessory(text, unlink)];
  const changeAlias: ButtonSpec = {
    text: "Change alias",
    actionId: LINK_ACTION.alias,
    value: encode({
      k: kind,
      m: pair.motivity.id,
      n: pair.motivity.name.slice(0, 200),
      a: (pair.motivity.detail ?? "").slice(0, 200),
      p: position,
    }),
  };
  return [text, actions([changeAlias, unlink])];
}

/** A "Not a match" decision, with Undo: it forgets exactly that decision (named by its time). */
export function rejectedRowBlock(
  pair: RejectedPair,
  kind: LinkKind,
  position: Position,
  canManage: boolean,
): KnownBlock {
  const seconds = Math.floor(Date.parse(pair.decidedAt) / 1000);
  const text = section(
    `${who(pair.motivity)} (Motivity)\n≠ ${who(pair.calmanac)} (Calmanac) · <!date^${seconds}^{date_short}|${pair.decidedAt.slice(0, 10)}>`,
  );
  return withAccessory(
    text,
    canManage
      ? {
          text: "Undo",
          actionId: LINK_ACTION.unreject,
          value: encode({
            k: kind,
            s: "motivity",
            id: pair.motivity.id,
            o: [pair.calmanac.id],
            t: pair.decidedAt,
            p: position,
          }),
        }
      : undefined,
  );
}

export function ignoredRowBlock(
  record: IgnoredRecord,
  kind: LinkKind,
  position: Position,
  canManage: boolean,
): KnownBlock {
  const text = section(`${who(record.person)} (${VENDOR_LABELS[record.side]})`);
  return withAccessory(
    text,
    canManage
      ? {
          text: "Stop ignoring",
          actionId: LINK_ACTION.unignore,
          value: encode({ k: kind, s: record.side, id: record.person.id, p: position }),
        }
      : undefined,
  );
}
