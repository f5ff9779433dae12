/** The bot scopes an install asks for: manifest.yml's oauth_config.scopes.bot (a test keeps them equal). */
export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "im:write",
  "files:read",
  "files:write",
  "users:read",
  "users:read.email",
  "channels:history",
  "groups:history",
  "im:history",
] as const;
