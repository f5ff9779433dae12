import type { ModalView } from "@slack/types";
import type { NewLearnerForm } from "../../../app/learners/new-learner-form";
import type { NamesakeCheck } from "../../../app/learners/one";
import { CALIFORNIA_COUNTIES, COMMUNITY_PARTNER_AFFILIATION } from "../../../domain/learners/template";
import type { CacwtLearner } from "../../../providers/roles";
import { escape, escapeName, section, shortName, shortText } from "../kit";
import { LEARNER_VIEW } from "./ids";
import { input, option, plain, read, VALUE, type StateValues } from "../modal-kit";

/** Block ids are the form's field names, so a problem's field is where Slack shows it. */
export const ADD_BLOCKS = ["firstName", "lastName", "email", "affiliation", "county", "dateHire", "flags"] as const;

const text = (initial?: string) => ({
  type: "plain_text_input" as const,
  action_id: VALUE,
  ...(initial ? { initial_value: initial } : {}),
});

/**
 * `/learner add`. `private_metadata` keeps the channel to answer in. Shown again with what was
 * typed and the learners CACWT has under that name (`seen`), a second Add adds them anyway.
 */
export function addLearnerModal(
  channelId: string,
  today: string,
  seen?: { form: NewLearnerForm; namesakes: NamesakeCheck; source: string },
): ModalView {
  const f = seen?.form;
  const flags = f ? [...(f.trainingManager ? ["trainingManager"] : []), ...(f.supervisor ? ["supervisor"] : [])] : [];
  const flagOptions = [option("Training manager", "trainingManager"), option("Supervisor", "supervisor")];
  const county = f && (CALIFORNIA_COUNTIES as readonly string[]).includes(f.county) ? f.county : null;
  return {
    type: "modal",
    callback_id: LEARNER_VIEW.add,
    private_metadata: JSON.stringify({ channelId, ...(seen ? { namesChecked: seen.namesakes.key } : {}) }),
    title: plain("Add a CACWT learner"),
    submit: plain(seen ? "Add anyway" : "Add"),
    close: plain("Cancel"),
    blocks: [
      ...(seen ? [namesakesWarning(seen.form, seen.namesakes, seen.source)] : []),
      input("firstName", "First name", text(f?.firstName)),
      input("lastName", "Last name", text(f?.lastName)),
      input(
        "email",
        "Email",
        { ...text(f?.email), placeholder: plain("name@organization.org") },
        { hint: "Must be the learner's own: CACWT emails their temporary password here." },
      ),
      input("affiliation", "Affiliation", text(f ? f.affiliation : COMMUNITY_PARTNER_AFFILIATION)),
      input(
        "county",
        "County",
        {
          type: "static_select",
          action_id: VALUE,
          placeholder: plain("Choose a county"),
          options: CALIFORNIA_COUNTIES.map((c) => option(c)),
          ...(county ? { initial_option: option(county) } : {}),
        },
        { hint: 'Sets the employee type, e.g. "Riverside County Community Partner".' },
      ),
      input("dateHire", "Date of hire", { type: "datepicker", action_id: VALUE, initial_date: f?.dateHire ?? today }),
      input(
        "flags",
        "Roles",
        {
          type: "checkboxes",
          action_id: VALUE,
          options: flagOptions,
          ...(flags.length > 0 ? { initial_options: flagOptions.filter((o) => flags.includes(o.value ?? "")) } : {}),
        },
        { optional: true },
      ),
    ],
  };
}

/** Seed 003: check the learner has no account already (another county, another email) before adding one. */
function namesakesWarning(form: NewLearnerForm, namesakes: NamesakeCheck, source: string) {
  const name = shortName(`${form.firstName} ${form.lastName}`.trim(), 80);
  const already =
    namesakes.total === 1
      ? `1 learner named ${name} already exists`
      : `${namesakes.total.toLocaleString("en-US")} learners named ${name} already exist`;
  const lines = namesakes.learners.map(
    (l) => `• ${shortName(`${l.firstName} ${l.lastName}`.trim(), 80)} — ${shortText(l.email, 100)} (${l.status})`,
  );
  const more =
    namesakes.total > namesakes.learners.length ? `\n…and ${namesakes.total - namesakes.learners.length} more` : "";
  return section(
    `:warning: *${already} in ${escape(source)}* under other emails:\n${lines.join("\n")}${more}\n` +
      "If the new learner is one of them, cancel and update that account instead (look them up with `/learner`). If this is someone else, press *Add anyway*.",
  );
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
