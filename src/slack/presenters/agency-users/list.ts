import { z } from "zod";
import { count } from "../../../app/plural";
import type { AgencyUserPage } from "../../../app/agency-users";
import { actions, type ButtonSpec, context, escape, header, type Message, section, shortName, shortText } from "../kit";

export const LIST_PREVIOUS_ACTION = "agency-user.list-previous";
export const LIST_NEXT_ACTION = "agency-user.list-next";

/** A page button's value (JSON): which office and page to show; access is checked again on the press. */
export const listPageRequest = z
  .object({ o: z.string(), p: z.number() })
  .transform((v) => ({ office: v.o, page: v.p }));

const pageValue = (office: string, page: number) => JSON.stringify({ o: office, p: page });

/** One page of an office's agency users, with Previous/Next when there are more. */
export function agencyUserListMessage(result: AgencyUserPage, vendorLabel: string): Message {
  const { office, rows, page, pageCount, total } = result;
  const buttons: ButtonSpec[] = [
    ...(page > 1 ? [{ text: "Previous", actionId: LIST_PREVIOUS_ACTION, value: pageValue(office.id, page - 1) }] : []),
    ...(page < pageCount ? [{ text: "Next", actionId: LIST_NEXT_ACTION, value: pageValue(office.id, page + 1) }] : []),
  ];
  // Every row says its status; inactive ones stand out.
  const lines = rows.map(
    (r) =>
      `*${shortName(r.name, 80)}* · \`${shortText(r.username.replace(/`/g, "'"), 80)}\` · ${shortName(r.roleName, 60)} · ${r.status === "active" ? "active" : "_inactive_"}`,
  );
  const summary = `${count(total, "agency user")} in ${vendorLabel}${pageCount > 1 ? ` · page ${page} of ${pageCount}` : ""}`;
  return {
    text: `Agency users in ${office.name}: ${summary}`,
    blocks: [
      header(`Agency users · ${office.name}`),
      context(escape(summary)),
      ...(lines.length > 0 ? lines.map((line) => section(line)) : [section("_No agency users in this office yet._")]),
      ...(buttons.length > 0 ? [actions(buttons)] : []),
    ],
  };
}
