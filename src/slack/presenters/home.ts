import type { View } from "@slack/types";
import type { HomeSummary } from "../../app/home";
import { actions, context, escape, header, section, sentence } from "./kit";
import { auditLineText } from "./audit";
import { jobLine } from "./jobs";
import { linkSuggestionBlocks } from "./linking/home";
import { sandboxNote } from "./sandbox";
import { scheduleLines } from "./caregivers/schedule";
import { signInButton } from "./caregivers/sign-in";

function roleLine({ principal: p, officeName, askAdmin }: HomeSummary): string {
  switch (p.role) {
    case "admin":
      return "You are an *admin*: you can do everything in carebridge.";
    case "agency_user":
      return `You are an *agency user* of ${officeName ? `*${officeName}*` : "no office yet"}${p.grants.length ? ` (+${p.grants.join(", ")})` : ""}.`;
    case "viewer":
      return "You are a *viewer*: you can look things up.";
    case "unknown":
      return `You don't have carebridge access yet. Ask ${askAdmin ? sentence(askAdmin) : "an admin"} to run \`/carebridge access grant\`.`;
  }
}

export function homeView(summary: HomeSummary): View {
  const note = sandboxNote(summary.sandboxVendors);
  const jobs = summary.recentJobs.map(jobLine);
  return {
    type: "home",
    blocks: [
      header("carebridge"),
      section(roleLine(summary)),
      ...(summary.principal.role === "unknown"
        ? []
        : [section(`*Recent jobs*\n${jobs.length ? jobs.join("\n") : "None yet."}`)]),
      ...(summary.syncSchedule === undefined
        ? []
        : [section(`*Scheduled caregiver sync*\n${scheduleLines(summary.syncSchedule)}`)]),
      ...(summary.lmsSignIn === undefined
        ? []
        : [
            section(
              `*${escape(summary.lmsSignIn)}*\nSign in as an administrator with a one-time link for your Slack email (only you see it).`,
            ),
            actions([signInButton(summary.lmsSignIn)]),
          ]),
      ...linkSuggestionBlocks(summary.linkSuggestions),
      ...(summary.principal.role === "unknown"
        ? []
        : [
            section(
              `*Latest changes* (\`/carebridge audit\` for more)\n${summary.recentChanges.length ? summary.recentChanges.map(auditLineText).join("\n") : "No changes yet."}`,
            ),
          ]),
      context("Type `/carebridge help` for the commands you can use."),
      ...(note ? [context(note)] : []),
    ],
  };
}
