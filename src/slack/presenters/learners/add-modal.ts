import type { ModalView } from "@slack/types";
import type { NewLearnerForm } from "../../../app/learners/new-learner-form";
import { CALIFORNIA_COUNTIES, COMMUNITY_PARTNER_AFFILIATION } from "../../../domain/learners/template";
import type { CacwtLearner } from "../../../providers/roles";
import { escape, escapeName, section } from "../kit";
import { LEARNER_VIEW } from "./ids";
import { input, option, plain, read, VALUE, type StateValues } from "../modal-kit";

/** Block ids are the form's field names, so a problem's field is where Slack shows it. */
export const ADD_BLOCKS = ["firstName", "lastName", "email", "affiliation", "county", "dateHire", "flags"] as const;

const text = (initial?: string) => ({
  type: "plain_text_input" as const,
  action_id: VALUE,
  ...(initial ? { initial_value: initial } : {}),
});

/** `/learner add`. `private_metadata` keeps the channel to answer in. */
export function addLearnerModal(channelId: string, today: string): ModalView {
  return {
    type: "modal",
    callback_id: LEARNER_VIEW.add,
    private_metadata: JSON.stringify({ channelId }),
    title: plain("Add a CACWT learner"),
    submit: plain("Add"),
    close: plain("Cancel"),
    blocks: [
      input("firstName", "First name", text()),
      input("lastName", "Last name", text()),
      input(
        "email",
        "Email",
        { ...text(), placeholder: plain("name@organization.org") },
        { hint: "Must be the learner's own: CACWT emails their temporary password here." },
      ),
      input("affiliation", "Affiliation", text(COMMUNITY_PARTNER_AFFILIATION)),
      input(
        "county",
        "County",
        {
          type: "static_select",
          action_id: VALUE,
          placeholder: plain("Choose a county"),
          options: CALIFORNIA_COUNTIES.map((c) => option(c)),
        },
        { hint: 'Sets the employee type, e.g. "Riverside County Community Partner".' },
      ),
      input("dateHire", "Date of hire", { type: "datepicker", action_id: VALUE, initial_date: today }),
      input(
        "flags",
        "Roles",
        {
          type: "checkboxes",
          action_id: VALUE,
          options: [option("Training manager", "trainingManager"), option("Supervisor", "supervisor")],
        },
        { optional: true },
      ),
    ],
  };
}

export function readNewLearnerForm(values: StateValues): NewLearnerForm {
  const flags = read.checked(values, "flags");
  return {
    firstName: read.text(values, "firstName"),
    lastName: read.text(values, "lastName"),
    email: read.text(values, "email"),
    affiliation: read.text(values, "affiliation"),
    county: read.picked(values, "county") ?? "",
    dateHire: read.date(values, "dateHire"),
    trainingManager: flags.has("trainingManager"),
    supervisor: flags.has("supervisor"),
  };
}

/** Shown instead of the form when the email belongs to an archived learner: reactivate, not duplicate. */
export function reactivateOfferView(learner: CacwtLearner, channelId: string, source: string): ModalView {
  return {
    type: "modal",
    callback_id: LEARNER_VIEW.reactivateOffer,
    private_metadata: JSON.stringify({ channelId, email: learner.email }),
    title: plain("Reactivate instead?"),
    submit: plain("Reactivate"),
    close: plain("Cancel"),
    blocks: [
      section(
        `*${escapeName(`${learner.firstName} ${learner.lastName}`)}* (${escape(learner.email)}) already has an account in ${escape(source)}, and it is archived. ` +
          "Reactivate it instead of adding a second account with the same email?",
      ),
    ],
  };
}
