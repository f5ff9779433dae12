import type { Actor } from "./actor";
import type { AccessService } from "./access/service";
import { type Action, decide } from "./access/policy";

/** The configured LMSs as people name them: CareAcademy and CACWT, or SCIM standing in. */
export interface LmsNames {
  caregiverLms: string;
  learnerLms: string;
}

export interface CommandHelp {
  usage: string;
  /** A sentence naming an LMS takes the configured names. */
  does: string | ((lms: LmsNames) => string);
  /** The action the command needs; absent for commands everyone may use. */
  action?: Action;
}

/** Every command carebridge answers, one line each, in the order people need them. */
export const COMMANDS: readonly CommandHelp[] = [
  { usage: "/carebridge help", does: "the commands you can use" },
  {
    usage: "/sync-caregiver <name, email or TeleTrack id>",
    does: (lms) => `sync one caregiver from Spectrum TeleTrack to ${lms.caregiverLms}`,
    action: "caregiver.sync",
  },
  {
    usage: "/sync-caregiver all [full]",
    does: "preview, then sync every caregiver (after a first run, those changed since; full: everyone)",
    action: "caregiver.sync-all",
  },
  {
    usage: "/sync-caregiver schedule daily 06:00 [#channel] [America/Chicago] [quiet] · schedule hourly [#channel]",
    does: "sync every caregiver changed since the last run at that time (admins; quiet: post on days nothing changed too); `schedule off` stops it",
    action: "caregiver.sync-all",
  },
  {
    usage: "/sync-caregiver schedule",
    does: "the scheduled sync, its last run and its next",
    action: "caregiver.view",
  },
  {
    usage: "/sync-caregiver digest",
    does: "what the last caregiver sync changed and who can't sync, with Fix buttons",
    action: "caregiver.view",
  },
  {
    usage: "/caregiver <name, email or TeleTrack id>",
    does: (lms) =>
      `a caregiver's status and training due date in ${lms.caregiverLms}, with activate (creates the account), deactivate, reactivate and Fix and sync`,
    action: "caregiver.view",
  },
  {
    usage: "/caregiver list [not-synced | cannot-sync | deactivated | all] · /caregiver",
    does: "caregivers with their training system status and what blocks their sync, a card button on each (no word, or /caregiver alone: not-synced, those a sync would still add or update)",
    action: "caregiver.view",
  },
  {
    usage: "/carebridge login careacademy",
    does: (lms) =>
      `a one-time admin sign-in link to ${lms.caregiverLms}, only for you (also a button on caregiver cards and in App Home)`,
    action: "lms.sso",
  },
  {
    usage: "/link members",
    does: "who is linked between Motivity members and Calmanac staff; admins link, confirm suggestions and create missing members",
    action: "link.view",
  },
  {
    usage: "/link learners",
    does: "who is linked between Motivity learners and Calmanac clients; admins link, confirm suggestions and create missing learners",
    action: "link.view",
  },
  { usage: "/agency-user", does: "create a Caresmartz360 agency user", action: "staff.create" },
  { usage: "/agency-user list [office]", does: "an office's agency users", action: "staff.list" },
  { usage: "/learner add", does: (lms) => `add a learner to ${lms.learnerLms}`, action: "learner.manage" },
  {
    usage: "/learner <email or name>",
    does: (lms) => `a learner in ${lms.learnerLms}, with archive, reactivate and edit`,
    action: "learner.view",
  },
  {
    usage: "/learner archive <email> · /learner reactivate <email>",
    does: "archive or reactivate one learner",
    action: "learner.manage",
  },
  {
    usage: "/learner template [archive]",
    does: (lms) => `the ${lms.learnerLms} import templates (creation and archival), or the archival one only`,
    action: "learner.view",
  },
  {
    usage: "share a .csv in a channel carebridge is in, or in its DM",
    does: (lms) => `preview, then import learners into ${lms.learnerLms} from the template (Status Archived archives)`,
    action: "learner.import",
  },
  {
    usage: "/learner archive-bulk",
    does: "archive learners by a filter (organization, name, email domain, county…), leaving anyone out in the preview",
    action: "learner.archive-bulk",
  },
  { usage: "/carebridge access list", does: "who can use carebridge", action: "access.manage" },
  {
    usage: "/carebridge access grant @user admin|viewer|agency-user office:<office> [create-staff]",
    does: "give someone access",
    action: "access.manage",
  },
  { usage: "/carebridge access revoke @user", does: "take someone's access away", action: "access.manage" },
  {
    usage: "/carebridge audit [@user | TeleTrack id | learner or Slack email] [since YYYY-MM-DD]",
    does: "the latest changes you may see (admins: all; agency users: their office's; viewers: their own), with Export",
    action: "audit.view",
  },
  {
    usage: "/carebridge settings",
    does: "role ranking, bulk-archive thresholds, link suggestion score, digest channel and time zone",
    action: "settings.manage",
  },
  {
    usage: "/carebridge vendors",
    does: "each vendor's account for this workspace (environment default or its own), with a form per vendor to set base URL and API key",
    action: "settings.manage",
  },
  {
    usage: "/carebridge export",
    does: "all the people data carebridge keeps for this workspace, as a JSON file in your DMs (keep it before uninstalling: it is deleted after the retention period)",
    action: "settings.manage",
  },
];

export interface ActorHelp {
  commands: Array<{ usage: string; does: string }>;
  /** For someone without access: who can give it, e.g. "an admin (<@U1>)". */
  askAdmin: string | undefined;
}

export function createHelp(access: Pick<AccessService, "principal" | "adminsHint">, lms: LmsNames) {
  return {
    /** The commands this actor may use; an unknown user sees only help, and who to ask. */
    async forActor(actor: Actor): Promise<ActorHelp> {
      const principal = await access.principal(actor);
      return {
        commands: COMMANDS.filter((c) => !c.action || decide(principal, c.action, undefined, "").allowed).map((c) => ({
          usage: c.usage,
          does: typeof c.does === "string" ? c.does : c.does(lms),
        })),
        askAdmin: principal.role === "unknown" ? await access.adminsHint(actor.workspaceId) : undefined,
      };
    },
  };
}
