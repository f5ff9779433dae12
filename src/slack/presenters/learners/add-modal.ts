import type { ModalView } from "@slack/types";
import type { NewLearnerForm } from "../../../app/learners/new-learner-form";
import type { NamesakeCheck } from "../../../app/learners/one";
import { CALIFORNIA_COUNTIES, COMMUNITY_PARTNER_AFFILIATION } from "../../../app/learners/new-learner-form";
import type { CacwtLearner } from "../../../providers/roles";
import type { EditFingerprint } from "../../../app/learners/edit";
import { escape, escapeName, section, sections, shortName, shortText } from "../kit";
import { LEARNER_VIEW } from "./ids";
import { input, option, plain, read, VALUE, type StateValues } from "../modal-kit";

/** Block ids are the form's field names, so a problem's field is where Slack shows it. */
export const ADD_BLOCKS = ["firstName", "lastName", "email", "affiliation", "county", "dateHire", "flags"] as const;

const text = (initial?: string | null) => ({
  type: "plain_text_input" as const,
  action_id: VALUE,
  ...(initial ? { initial_value: initial } : {}),
});

/**
 * `/learner add`. `private_metadata` keeps the channel to answer in. Shown again with what was
 * typed and the learners `source` (the learner LMS) has under that name (`seen`), a second Add
 * adds them anyway. The title is generic: a configured LMS's name may not fit Slack's 24 characters.
 */
export function addLearnerModal(
  channelId: string,
  today: string,
  source: string,
  seen?: { form: NewLearnerForm; namesakes: NamesakeCheck },
): ModalView {
  return {
    type: "modal",
    callback_id: LEARNER_VIEW.add,
    private_metadata: JSON.stringify({ channelId, ...(seen ? { namesChecked: seen.namesakes.key } : {}) }),
    title: plain("Add a learner"),
    submit: plain(seen ? "Add anyway" : "Add"),
    close: plain("Cancel"),
    blocks: [
      ...(seen ? [namesakesWarning(seen.form, seen.namesakes, source)] : []),
      ...learnerFields(
        seen?.form ?? { affiliation: COMMUNITY_PARTNER_AFFILIATION, dateHire: today },
        `Must be the learner's own: ${source} emails their temporary password here.`,
      ),
    ],
  };
}

const ROLES = [option("Training manager", "trainingManager"), option("Supervisor", "supervisor")];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The learner's fields, as `/learner add` asks for them and Edit shows them filled in. */
function learnerFields(initial: Partial<NewLearnerForm>, emailHint: string): ModalView["blocks"] {
  const county = CALIFORNIA_COUNTIES.find((c) => c === initial.county);
  const roles = ROLES.filter(
    (o) =>
      (o.value === "trainingManager" && initial.trainingManager) || (o.value === "supervisor" && initial.supervisor),
  );
  return [
    input("firstName", "First name", text(initial.firstName)),
    input("lastName", "Last name", text(initial.lastName)),
    input(
      "email",
      "Email",
      { ...text(initial.email), placeholder: plain("name@organization.org") },
      { hint: emailHint },
    ),
    input("affiliation", "Affiliation", text(initial.affiliation)),
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
    input("dateHire", "Date of hire", {
      type: "datepicker",
      action_id: VALUE,
      ...(initial.dateHire && DATE.test(initial.dateHire) ? { initial_date: initial.dateHire } : {}),
    }),
    input(
      "flags",
      "Roles",
      { type: "checkboxes", action_id: VALUE, options: ROLES, ...(roles.length > 0 ? { initial_options: roles } : {}) },
      { optional: true },
    ),
  ];
}

/** Generic: a configured LMS's name may not fit Slack's 24 characters. */
const EDIT_TITLE = "Edit a learner";

/** What the Edit form carries to its submission: where to answer, whom, and what it opened with. */
export interface EditMetadata {
  channelId: string;
  userId: string;
  was: EditFingerprint;
}

/**
 * Edit on a learner card: the learner's details filled in, checked on Save by the import's rules.
 * The username (User ID) is not a field: `usernameChange` says how to change it (in CACWT, a
 * ticket to the Academy Help Center).
 */
export function editLearnerModal(
  learner: CacwtLearner,
  form: NewLearnerForm,
  metadata: EditMetadata,
  source: string,
  usernameChange: string,
): ModalView {
  const privateMetadata = JSON.stringify(metadata);
  if (privateMetadata.length > 3000)
    return editNoticeModal(`This learner's User ID is too long to edit here; edit them in ${source}.`);
  return {
    type: "modal",
    callback_id: LEARNER_VIEW.edit,
    private_metadata: privateMetadata,
    title: plain(EDIT_TITLE),
    submit: plain("Save"),
    close: plain("Cancel"),
    blocks: learnerFields(form, `The username (User ID) stays ${learner.userId}; to change it, ${usernameChange}.`),
  };
}

/** While the LMS is read for the Edit form (the trigger lives 3 seconds, the LMS may take longer). */
export function editLoadingModal(source: string): ModalView {
  return {
    type: "modal",
    title: plain(EDIT_TITLE),
    close: plain("Cancel"),
    blocks: [section(`Reading ${escape(source)}…`)],
  };
}

/** A refusal or a failure, where the Edit form would have been. */
export function editNoticeModal(text: string): ModalView {
  return { type: "modal", title: plain(EDIT_TITLE), close: plain("Close"), blocks: sections(escape(text)) };
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
