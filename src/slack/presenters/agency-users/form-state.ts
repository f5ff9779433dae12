import type { ModalView } from "@slack/types";
import type { Problem } from "../../../app/result";
import type { AgencyUserForm } from "../../../domain/agency-users/validation";
import { section } from "../kit";
import { field, HINT_MAX, plain, read, type StateValues } from "../modal-kit";
import { BLOCK, fieldOfBlock, HINTS, PROBLEM_BLOCK, sentence, type KnownBlock, usernameInput } from "./form-blocks";
import { type FormMeta, writeMeta } from "./form-view";

/** The parts of a view as Slack sends it back (view_submission, block_actions from a modal). */
export interface SubmittedView {
  id: string;
  hash?: string;
  callback_id: string;
  private_metadata: string;
  title: { type: "plain_text"; text: string; emoji?: boolean };
  blocks: unknown[];
  state: { values: StateValues };
}

type Block = KnownBlock & { block_id?: string };

/** The block id of a field in this view (the username's carries a version). */
export function blockIdOf(view: Pick<SubmittedView, "blocks">, field: string): string | undefined {
  return (view.blocks as Block[]).map((b) => b.block_id).find((id) => id !== undefined && fieldOfBlock(id) === field);
}

/** What was typed and picked; submitted values say what to create, never who may. */
export function readForm(view: Pick<SubmittedView, "blocks" | "state">): AgencyUserForm {
  const text = (name: string) => read.text(view.state.values, blockIdOf(view, name) ?? name);
  const picked = (name: string) => read.picked(view.state.values, blockIdOf(view, name) ?? name) ?? "";
  const checked = read.checked(view.state.values, blockIdOf(view, BLOCK.flags) ?? BLOCK.flags);
  return {
    username: text(BLOCK.username),
    roleId: picked(BLOCK.roleId),
    officeId: picked(BLOCK.officeId),
    firstName: text(BLOCK.firstName),
    lastName: text(BLOCK.lastName),
    businessEmail: text(BLOCK.businessEmail),
    mobilePhone: text(BLOCK.mobilePhone),
    flags: {
      showOnCareCoordinatorList: checked.has("showOnCareCoordinatorList"),
      showOnSupervisorList: checked.has("showOnSupervisorList"),
      lmsManager: checked.has("lmsManager"),
      sendToActivatedInsights: checked.has("sendToActivatedInsights"),
    },
  };
}

/** Problems as Slack's `errors` map (block id → sentence), and those that belong to no field. */
export function errorsFor(
  problems: Problem[],
  view: Pick<SubmittedView, "blocks">,
): { errors: Record<string, string>; general: string[] } {
  const errors: Record<string, string> = {};
  const general: string[] = [];
  for (const problem of problems) {
    const blockId = problem.field === undefined ? undefined : blockIdOf(view, problem.field);
    if (blockId === undefined) general.push(problem.message);
    else errors[blockId] = errors[blockId] ? `${errors[blockId]} ${problem.message}` : problem.message;
  }
  return { errors, general };
}

function rebuilt(view: SubmittedView, blocks: unknown[], meta?: FormMeta): ModalView {
  return {
    type: "modal",
    callback_id: view.callback_id,
    title: view.title,
    close: plain("Cancel"),
    submit: plain("Create"),
    private_metadata: meta ? writeMeta(meta) : view.private_metadata,
    blocks: blocks as KnownBlock[],
  };
}

/** The form with a new username suggestion; the other fields keep what was typed. */
export function withUsername(view: SubmittedView, username: string, meta: FormMeta): ModalView {
  const current = blockIdOf(view, BLOCK.username) ?? BLOCK.username;
  const version = Number(current.split(".")[1] ?? "1") + 1;
  const blocks = (view.blocks as Block[]).map((block) =>
    block.block_id === current ? usernameInput(`${BLOCK.username}.${version}`, username) : block,
  );
  return rebuilt(view, blocks, { ...meta, suggested: username });
}

/**
 * The form again, filled with what was submitted, each problem under its field and the others
 * on top: used when the answer comes after the submission was acknowledged.
 */
export function refilledForm(view: SubmittedView, problems: Problem[]): ModalView {
  const { errors, general } = errorsFor(problems, view);
  const blocks = (view.blocks as Block[])
    .filter((block) => block.block_id !== PROBLEM_BLOCK)
    .map((block) => {
      if (block.type !== "input" || block.block_id === undefined) return block;
      const value = field(view.state.values, block.block_id);
      const hint = errors[block.block_id] ? `⚠️ ${errors[block.block_id]}` : HINTS[fieldOfBlock(block.block_id)];
      const { hint: _old, ...rest } = block;
      return {
        ...rest,
        ...(hint ? { hint: plain(hint, HINT_MAX) } : {}),
        element: {
          ...block.element,
          ...(value?.value ? { initial_value: value.value } : {}),
          ...(value?.selected_option ? { initial_option: value.selected_option } : {}),
          ...(value?.selected_options?.length ? { initial_options: value.selected_options } : {}),
        },
      };
    });
  const top = general.length > 0 ? [section(`⚠️ ${sentence(general.join(" "))}`, PROBLEM_BLOCK)] : [];
  return rebuilt(view, [...top, ...blocks]);
}
