import type { HTTPReceiverOptions } from "@slack/bolt";
import type { Services } from "../../app/services";
import type { Config } from "../../config";
import type { Logger } from "../../logger";
import { databaseInstallationStore } from "./installation-store";
import { installedPage, startAgainPage } from "./pages";
import { BOT_SCOPES } from "./scopes";
import { databaseStateStore, INVALID_STATE, STATE_TTL_SECONDS } from "./state-store";

type OAuthOptions = Pick<
  HTTPReceiverOptions,
  "clientId" | "clientSecret" | "stateSecret" | "scopes" | "installationStore" | "installerOptions"
>;

/** Bolt's code when the installer pressed Cancel on Slack's authorize page (`error=access_denied`). */
const CANCELLED = "slack_oauth_installer_authorization_error";

const STATE_PROBLEMS = new Set([INVALID_STATE, "slack_oauth_missing_state", "slack_oauth_missing_code"]);

/**
 * OAuth mode: Bolt's receiver serves /slack/install (a redirect to Slack's authorize page with the
 * manifest's scopes) and /slack/oauth_redirect (code → oauth.v2.access on SLACK_API_URL → the
 * installation, sealed, in the database). Undefined in single-workspace mode.
 */
export function oauthReceiverOptions(config: Config, services: Services, logger: Logger): OAuthOptions | undefined {
  const oauth = config.slack.oauth;
  if (!oauth) return undefined;
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore: databaseInstallationStore(services.installations),
    installerOptions: {
      directInstall: true,
      stateStore: databaseStateStore(services.installations, oauth.stateSecret),
      stateCookieExpirationSeconds: STATE_TTL_SECONDS,
      clientOptions: { slackApiUrl: config.slack.apiUrl },
      callbackOptions: {
        success: (installation, _options, _req, res) => {
          logger.info(
            { teamId: installation.team?.id, enterpriseId: installation.enterprise?.id },
            "carebridge installed",
          );
          installedPage(res);
        },
        failure: (error, _options, _req, res) => {
          const code = (error as { code?: string }).code ?? "unknown";
          logger.warn({ code }, "an install did not finish; nothing was stored");
          if (STATE_PROBLEMS.has(code)) startAgainPage(res, 400, "This install link has expired or was already used.");
          else if (code === CANCELLED) startAgainPage(res, 400, "The install was cancelled in Slack.");
          else startAgainPage(res, 500, "Slack did not complete the install.");
        },
      },
    },
  };
}
