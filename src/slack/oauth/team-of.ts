/** Events Slack sends after the token is gone: Bolt serves them without an installation. */
export const UNINSTALL_EVENTS = new Set(["app_uninstalled", "tokens_revoked"]);

/**
 * The installation a signed request needs, by the id it is kept under (see installation-store.ts):
 * the team, or the org for an org-wide install. Undefined when the request needs none
 * (url_verification, the uninstall events).
 */
export function installationIdOf(body: unknown): string | undefined {
  const b = body as {
    type?: string;
    team_id?: string;
    enterprise_id?: string;
    is_enterprise_install?: boolean | string;
    team?: { id?: string } | null;
    user?: { team_id?: string };
    enterprise?: { id?: string } | null;
    event?: { type?: string };
  };
  if (b.type === "event_callback" && UNINSTALL_EVENTS.has(b.event?.type ?? "")) return undefined;
  const enterpriseId = b.enterprise_id ?? b.enterprise?.id;
  const orgWide = b.is_enterprise_install === true || b.is_enterprise_install === "true";
  if (orgWide && enterpriseId) return enterpriseId;
  return b.team_id ?? b.team?.id ?? b.user?.team_id;
}
