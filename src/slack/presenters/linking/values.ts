import { z } from "zod";
import type { LinkKind } from "../../../app/linking";

/**
 * Action ids and button values of the linking screens. A value says what to act on and which
 * page the list was on (so the refreshed list stays there); never who may act. Slack wants
 * action ids unique within a block, so buttons of one kind in one row carry a suffix
 * (`link.link:0`, `link.link:1`); listeners match the base id with `actionPattern`.
 */
export const LINK_ACTION = {
  link: "link.link",
  unlink: "link.unlink",
  reject: "link.reject",
  unreject: "link.unreject",
  undoAutoLinks: "link.undo-auto",
  alias: "link.alias",
  search: "link.search",
  ignore: "link.ignore",
  unignore: "link.unignore",
  create: "link.create",
  page: "link.page",
  review: "link.review",
} as const;

export const CREATE_MEMBER_CALLBACK = "link.create-member";
export const CREATE_LEARNER_CALLBACK = "link.create-learner";
export const CHANGE_ALIAS_CALLBACK = "link.change-alias";
export const SEARCH_CALLBACK = "link.search-other";
/** The search form's external select: its block id and action id, which its options requests name. */
export const SEARCH_ELEMENT = "link.other";

export function actionPattern(base: string): RegExp {
  return new RegExp(`^${base.replace(".", "\\.")}(:[\\w-]+)?$`);
}

export type ListView = "open" | "linked" | "ignored" | "rejected";

/** Which list is shown and on which page: `a` is the Motivity (or only) list's page, `b` the Calmanac list's. */
export interface Position {
  kind: LinkKind;
  view: ListView;
  a: number;
  b: number;
}

const kind = z.enum(["members", "learners"]) satisfies z.ZodType<LinkKind>;
const id = z.string().min(1).max(200);
const page = z.number().int().min(0).max(100_000);
const side = z.enum(["motivity", "calmanac"]);

export const positionSchema = z.object({
  kind,
  view: z.enum(["open", "linked", "ignored", "rejected"]),
  a: page,
  b: page,
});
const wire = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, p: positionSchema.optional() });

export const pairValue = wire({ k: kind, m: id, c: id });
export const recordValue = wire({ k: kind, s: side, id });
export const rejectValue = wire({ k: kind, s: side, id, o: z.array(id).min(1).max(10) });
/** Undo of a "Not a match": `t` is when it was recorded, which names that decision. */
export const unrejectValue = wire({ k: kind, s: side, id, o: z.array(id).min(1).max(10), t: z.iso.datetime() });
export const createValue = wire({ k: kind, c: id });
/** "Change alias" on a learner: the name and the alias now, for the form; `m` is the Motivity learner. */
export const aliasValue = wire({ k: kind, m: id, n: z.string().max(200), a: z.string().max(200) });
/** "Find in …": search the other side for the record `id` on side `s`, named `n`. */
export const searchValue = wire({ k: kind, s: side, id, n: z.string().max(200) });
/** Undo of one run's exact matches: `t` is when that run linked them, which names the batch. */
export const undoAutoLinksValue = wire({ k: kind, t: z.iso.datetime() });

export function firstPage(k: LinkKind, view: ListView = "open"): Position {
  return { kind: k, view, a: 0, b: 0 };
}

/** Parses a button value; undefined when it was tampered with or comes from an older version. */
export function parseValue<S extends z.ZodType>(schema: S, value: string | undefined): z.infer<S> | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(value ?? ""));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The position a button value carries, or the first page of its kind. */
export function positionOf(value: { k: LinkKind; p?: Position | undefined }): Position {
  return value.p ?? firstPage(value.k);
}

export const encode = (value: unknown): string => JSON.stringify(value);

/** Where a form answers: the list it was opened from, replaced with the result. */
const answerWhere = {
  p: positionSchema,
  /** The response_url of the list the button was on, to replace it with the result. */
  r: z.string().url().optional(),
  /** The channel, to answer in when there is no response_url. */
  ch: z.string().optional(),
};

/** What the create form carries in private_metadata: where to answer, besides what to create. */
export const createMetadata = z.object({ k: kind, c: id, ...answerWhere });
export type CreateMetadata = z.infer<typeof createMetadata>;

/** What the alias form carries in private_metadata: the learner, and where to answer. */
export const aliasMetadata = z.object({ m: id, ...answerWhere });
export type AliasMetadata = z.infer<typeof aliasMetadata>;

/** What the search form carries in private_metadata: the record to link, and where to answer. */
export const searchMetadata = z.object({ k: kind, s: side, id, ...answerWhere });
export type SearchMetadata = z.infer<typeof searchMetadata>;
