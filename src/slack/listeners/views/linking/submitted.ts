import type { z } from "zod";
import type { Actor } from "../../../../app/actor";
import type { ActionResult } from "../../../../app/linking";
import type { Problem } from "../../../../app/result";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { fieldErrors } from "../../../presenters/linking/create-modal";
import { createMetadata, parseValue, type Position } from "../../../presenters/linking/values";
import type { StateValues } from "../../../presenters/modal-kit";
import { answerOverList } from "./deliver";
import type { SubmitArgs } from "./types";

type AnswersOverList = z.ZodType<{ p: Position; r?: string | undefined; ch?: string | undefined }>;

/** A linking form: where it answers (its metadata), what it reads, what it refuses in the modal, what it does. */
interface LinkingForm<S extends AnswersOverList, F> {
  metadata: S;
  /** The button that opened the form, named when its metadata is out of date. */
  button: string;
  read: (values: StateValues) => F;
  /** Errors by block id, shown in the modal; none (or undefined) closes it. */
  errors: (form: F) => Record<string, string> | undefined;
  act: (actor: Actor, form: F, metadata: z.infer<S>, viewId: string) => Promise<ActionResult>;
}

/**
 * A linking form's submission: what the person can fix is refused in the modal itself;
 * otherwise the modal closes and the result replaces the list the form was opened from.
 */
export function linkingFormSubmitted<S extends AnswersOverList, F>(services: Services, form: LinkingForm<S, F>) {
  return async ({ ack, view, client, context }: SubmitArgs) => {
    const metadata = parseValue(form.metadata, view.private_metadata);
    const values = form.read(view.state.values as StateValues);
    const errors = form.errors(values);
    if (errors && Object.keys(errors).length > 0) {
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack();
    const actor = actorOf(context);
    await answerOverList(services, client, actor, metadata, form.button, (m) => form.act(actor, values, m, view.id));
  };
}

/**
 * A create form: the result is created, or "already in Motivity — link instead?"; submitting the
 * same view twice creates one.
 */
export function createSubmitted<F>(
  services: Services,
  form: { read: (values: StateValues) => F; problems: (form: F) => Problem[] },
  create: (actor: Actor, form: F, calmanacId: string, idempotencyKey: string) => Promise<ActionResult>,
) {
  return linkingFormSubmitted(services, {
    metadata: createMetadata,
    button: "+ Create in Motivity",
    read: form.read,
    errors: (values) => fieldErrors(form.problems(values)),
    act: (actor, values, m, viewId) => create(actor, values, m.c, `view:${viewId}`),
  });
}
