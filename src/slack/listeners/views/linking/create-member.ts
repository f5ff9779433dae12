import { validateNewMember } from "../../../../app/linking";
import type { Services } from "../../../../app/services";
import { CREATE_BLOCK } from "../../../presenters/linking/create-modal";
import { read } from "../../../presenters/modal-kit";
import { createSubmitted } from "./submitted";

/** The member form: a missing role or email is refused in the modal itself. */
export function createMemberSubmitted(services: Services) {
  return createSubmitted(
    services,
    {
      read: (values) => ({
        email: read.text(values, CREATE_BLOCK.email),
        roleId: read.picked(values, CREATE_BLOCK.role) ?? "",
      }),
      problems: validateNewMember,
    },
    (actor, { email, roleId }, calmanacId, idempotencyKey) =>
      services.linking.createMember(actor, { calmanacId, email, roleId, idempotencyKey }),
  );
}
