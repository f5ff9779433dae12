import type { CreatedAgencyUser } from "../../../app/agency-users";
import { escape, escapeName, type Message, section } from "../kit";

/** For the creator only: the username, office and role, nothing else personal. */
export function createdMessage(created: CreatedAgencyUser): Message {
  const text = `Created agency user ${created.username} in ${created.officeName} as ${created.roleName}; Caresmartz360 emailed the registration instructions.`;
  return {
    text,
    blocks: [
      section(
        `:white_check_mark: Created agency user *${escape(created.username)}* in ${escapeName(created.officeName)} as ${escapeName(created.roleName)}. Caresmartz360 emailed the registration instructions.`,
      ),
    ],
  };
}
