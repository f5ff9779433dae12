import { count } from "../../app/plural";
import type { InputBlock, ModalView } from "@slack/types";
import type { EffectiveSettings } from "../../app/settings/read";
import { COMMON_TIME_ZONES, type SettingsForm, type SettingsFormData } from "../../app/settings/service";
import { clip, context, escape, type Message, notice, section } from "./kit";
import { input, option, plain, read, type StateValues, VALUE } from "./modal-kit";

export const SETTINGS_CALLBACK_ID = "carebridge.settings";

/** The form's fields, each its block id; problems come back keyed by these. */
export const SETTINGS_BLOCKS = [
  "roleRanking",
  "archiveMaxCount",
  "archiveMaxShare",
  "matchSuggestScore",
  "digestChannel",
  "timeZone",
] as const satisfies ReadonlyArray<keyof SettingsForm>;

const HINT_MAX = 2000;

/** modal-kit's plain() keeps to a placeholder's 150 characters; a hint may hold 2,000. */
const hinted = (block: InputBlock, hint: string): InputBlock => ({
  ...block,
  hint: { type: "plain_text", text: clip(hint, HINT_MAX), emoji: true },
});

const text = (blockId: string, label: string, value: string, hint: string, multiline = false) =>
  hinted(
    input(
      blockId,
      label,
      {
        type: "plain_text_input",
        action_id: VALUE,
        multiline,
        max_length: multiline ? 3000 : 20,
        ...(value ? { initial_value: value } : {}),
      },
      { optional: true },
    ),
    hint,
  );

/** The modal `/carebridge settings` opens: blank fields keep the environment's default, named in each hint. */
export function settingsModal({ form, defaults, roles }: SettingsFormData, channelId: string): ModalView {
  const zones = [...new Set([...COMMON_TIME_ZONES, ...(form.timeZone ? [form.timeZone] : [])])].slice(0, 100);
  const rankingDefault = defaults.roleRanking.length
    ? defaults.roleRanking.join(", ")
    : "none (agency users can't create agency users)";
  return {
    type: "modal",
    callback_id: SETTINGS_CALLBACK_ID,
    private_metadata: JSON.stringify({ c: channelId }),
    title: plain("carebridge settings"),
    submit: plain("Save"),
    close: plain("Cancel"),
    blocks: [
      context("A blank field uses the default set where carebridge runs, named under it."),
      text(
        "roleRanking",
        "Role ranking, most privileged first",
        form.roleRanking,
        `One Caresmartz360 role per line. An agency user with create-staff gives roles at or below their own. Roles: ${roles.join(", ")}. Default: ${rankingDefault}.`,
        true,
      ),
      text(
        "archiveMaxCount",
        "Bulk archive: most learners without a second admin",
        form.archiveMaxCount,
        `Above this many, an archive waits for another admin's approval; 0: always. Default: ${defaults.archive.maxCount}.`,
      ),
      text(
        "archiveMaxShare",
        "Bulk archive: most % of active learners",
        form.archiveMaxShare,
        `Above this share of the active learners, an archive waits for another admin's approval. Default: ${Math.round(defaults.archive.maxShare * 100)}.`,
      ),
      text(
        "matchSuggestScore",
        "Link suggestion score (0 to 1)",
        form.matchSuggestScore,
        `Motivity and Calmanac pairs scoring below this are not suggested. Default: ${defaults.matchSuggestScore}.`,
      ),
      input(
        "digestChannel",
        "Digest channel",
        {
          type: "conversations_select",
          action_id: VALUE,
          filter: { include: ["public", "private"], exclude_bot_users: true },
          ...(form.digestChannel ? { initial_conversation: form.digestChannel } : {}),
        },
        { optional: true, hint: "Where the scheduled sync posts its digest; invite carebridge to it." },
      ),
      hinted(
        input(
          "timeZone",
          "Time zone",
          {
            type: "static_select",
            action_id: VALUE,
            options: zones.map((z) => option(clip(z, 75), z)),
            ...(form.timeZone ? { initial_option: option(clip(form.timeZone, 75), form.timeZone) } : {}),
          },
          { optional: true },
        ),
        `Schedules run in this time zone. Default: ${defaults.timeZone}.`,
      ),
    ],
  };
}

export function readSettingsForm(values: StateValues): SettingsForm {
  const channel = values.digestChannel?.[VALUE] as { selected_conversation?: string | null } | undefined;
  return {
    roleRanking: read.text(values, "roleRanking"),
    archiveMaxCount: read.text(values, "archiveMaxCount"),
    archiveMaxShare: read.text(values, "archiveMaxShare"),
    matchSuggestScore: read.text(values, "matchSuggestScore"),
    digestChannel: channel?.selected_conversation ?? undefined,
    timeZone: read.picked(values, "timeZone") ?? "",
  };
}

export function readSettingsChannel(privateMetadata: string): string | undefined {
  try {
    const parsed = JSON.parse(privateMetadata) as { c?: unknown };
    return typeof parsed.c === "string" && parsed.c ? parsed.c : undefined;
  } catch {
    return undefined;
  }
}

function channelMention(channel: string | undefined): string {
  if (!channel) return "none";
  return /^[CG][A-Z0-9]+$/.test(channel) ? `<#${channel}>` : escape(channel);
}

/** Said privately once saved: what applies now. */
export function settingsSavedMessage(settings: EffectiveSettings, changed: readonly string[]): Message {
  if (changed.length === 0) return notice("Settings saved; nothing changed.");
  const lines = [
    `*Role ranking:* ${settings.roleRanking.length ? escape(settings.roleRanking.join(" › ")) : "none"}`,
    `*Bulk archive waits for a second admin above:* ${count(settings.archive.maxCount, "learner")} or ${Math.round(settings.archive.maxShare * 100)}% of the active ones`,
    `*Link suggestion score:* ${settings.matchSuggestScore}`,
    `*Digest channel:* ${channelMention(settings.digestChannel)}`,
    `*Time zone:* ${escape(settings.timeZone)}`,
  ];
  return {
    text: "carebridge settings saved",
    blocks: [
      section(`*Settings saved.* Now:\n${lines.join("\n")}`),
      context(`Changed: ${escape(changed.join(", "))}.`),
    ],
  };
}
