import { existsSync, readFileSync } from "node:fs";
import { parse as parseDotenv } from "dotenv";
import { z } from "zod";

/** The vendors carebridge speaks to; each has its own base URL, key and rate. */
export const VENDORS = ["teletrack", "careacademy", "motivity", "calmanac", "caresmartz", "cacwt", "scim"] as const;
export type Vendor = (typeof VENDORS)[number];

/** Which contract plays the LMS roles: the vendor's own, or any SCIM 2.0 service provider. */
const lmsProtocol = z.enum(["vendor", "scim"]);

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const optionalUrl = optionalString.pipe(z.url({ message: "a URL such as https://api.example.com" }).optional());

const positiveNumber = (fallback: number) =>
  z.coerce.number({ message: "a number" }).positive({ message: "a number above 0" }).default(fallback);

const csv = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    );

const vendorSchema = (prefix: string) => ({
  [`${prefix}_BASE_URL`]: optionalUrl,
  [`${prefix}_API_KEY`]: optionalString,
  [`${prefix}_RPS`]: positiveNumber(10),
});

/**
 * States whose caregivers need a birth date in CareAcademy (it sets the annual training due
 * date). A documented default that agencies override with BIRTH_DATE_REQUIRED_STATES.
 */
export const DEFAULT_BIRTH_DATE_STATES = "CA,IL,NY,TX,WA";

/** AES-256 needs 32 bytes: given as 64 hex digits or base64 (`openssl rand -base64 32`). */
function encryptionKey(value: string): Buffer | undefined {
  const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  return bytes.length === 32 ? bytes : undefined;
}

const optionalKey = optionalString.refine((v) => v === undefined || encryptionKey(v) !== undefined, {
  message: "32 bytes as base64 or 64 hex digits (openssl rand -base64 32)",
});

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SLACK_BOT_TOKEN: optionalString.pipe(
    z.string().startsWith("xoxb-", { message: "a bot token starting with xoxb-" }).optional(),
  ),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString.pipe(
    z.string().startsWith("xapp-", { message: "an app-level token starting with xapp-" }).optional(),
  ),
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  SLACK_STATE_SECRET: optionalString,
  CAREBRIDGE_ENCRYPTION_KEY: optionalKey,
  CAREBRIDGE_ENCRYPTION_KEY_PREVIOUS: optionalKey,
  UNINSTALL_RETENTION_DAYS: z.coerce.number({ message: "a number of days" }).int().min(0).default(30),
  SLACK_API_URL: optionalUrl.default("https://slack.com/api/"),
  PORT: z.coerce.number({ message: "a port number" }).int().min(0).max(65535).default(3000),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: "a PostgreSQL URL such as postgres://user@host:5432/db" })
      .optional(),
  ),
  DATA_DIR: z.string().default("./.carebridge"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  CAREBRIDGE_ADMINS: csv(""),
  BIRTH_DATE_REQUIRED_STATES: csv(DEFAULT_BIRTH_DATE_STATES).pipe(
    z.array(z.string().regex(/^[A-Z]{2}$/, { message: "two-letter state codes separated by commas" })),
  ),
  CAREGIVER_LMS: lmsProtocol.default("vendor"),
  LEARNER_LMS: lmsProtocol.default("vendor"),
  HTTP_TIMEOUT_MS: positiveNumber(15_000),
  MIGRATION_LOCK_TIMEOUT_MS: positiveNumber(60_000),
  JOB_LEASE_MS: positiveNumber(60_000),
  USERNAME_FORMAT: z.string().default("{first}.{last}"),
  ROLE_RANKING: csv(""),
  MATCH_SUGGEST_SCORE: z.coerce.number().min(0).max(1).default(0.75),
  ARCHIVE_MAX_COUNT: z.coerce.number().int().positive().default(100),
  ARCHIVE_MAX_SHARE: z.coerce.number().positive().max(1).default(0.2),
  CSV_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  CSV_MAX_ROWS: z.coerce.number().int().positive().default(100_000),
  ...vendorSchema("TELETRACK"),
  ...vendorSchema("CAREACADEMY"),
  ...vendorSchema("MOTIVITY"),
  ...vendorSchema("CALMANAC"),
  ...vendorSchema("CARESMARTZ"),
  ...vendorSchema("CACWT"),
  ...vendorSchema("SCIM"),
});

export interface VendorConfig {
  /** Unset → the in-process sandbox plays this vendor. */
  baseUrl: string | undefined;
  apiKey: string | undefined;
  requestsPerSecond: number;
  timeoutMs: number;
}

export interface Config {
  env: "development" | "production" | "test";
  slack: {
    botToken: string | undefined;
    signingSecret: string | undefined;
    appToken: string | undefined;
    apiUrl: string;
    port: number;
    /** Many workspaces: each installs through /slack/install; there is no SLACK_BOT_TOKEN. */
    oauth: { clientId: string; clientSecret: string; stateSecret: string } | undefined;
  };
  /** Seals installation tokens at rest; `previous` is still read, so a new key can be rolled in. */
  encryption: { key: Buffer; previous: Buffer | undefined } | undefined;
  /** How long an uninstalled workspace's people data is kept (for an export) before it is deleted. */
  uninstallRetentionDays: number;
  databaseUrl: string | undefined;
  dataDir: string;
  /** How long start-up waits for another instance that is applying migrations. */
  migrationLockTimeoutMs: number;
  /** A job whose instance stopped renewing its hold for this long is taken over by another. */
  jobLeaseMs: number;
  logLevel: string;
  admins: string[];
  birthDateRequiredStates: string[];
  caregiverLms: "vendor" | "scim";
  learnerLms: "vendor" | "scim";
  usernameFormat: string;
  /** Caresmartz360 role names from most to least privileged; empty → every role ranks the same. */
  roleRanking: string[];
  /** Suggestions below this score (0..1) are not shown; exact matches link without a score. */
  matching: { suggestScore: number };
  archive: { maxCount: number; maxShare: number };
  csv: { maxBytes: number; maxRows: number };
  vendors: Record<Vendor, VendorConfig>;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

/** Reads `.env` beneath the real environment: a variable already set always wins. */
export function readEnv(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const file = `${cwd}/.env`;
  const fromFile = existsSync(file) ? parseDotenv(readFileSync(file)) : {};
  return { ...fromFile, ...env };
}

/** A value that would be a leak on a terminal or in a CI log, even when it is wrong. */
const SECRET_NAME = /TOKEN|SECRET|API_KEY|ENCRYPTION_KEY/;

function problemLine(name: string, message: string, value: string | undefined): string {
  const expected = message.replace(/^Invalid option: expected /, "");
  const got = SECRET_NAME.test(name) ? "a value that is not shown" : JSON.stringify(value ?? "");
  return `${name} is not valid: expected ${expected}, got ${got}`;
}

/** OAuth mode's settings go together, and exclude one workspace's bot token and Socket Mode. */
function oauthSettingsProblems(e: z.infer<typeof envSchema>): string[] {
  const oauth = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  if (oauth.every((v) => v === undefined)) return [];
  if (oauth.some((v) => v === undefined)) {
    return [
      "SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are set together (install into many workspaces).",
    ];
  }
  return [
    ...(e.SLACK_BOT_TOKEN
      ? ["Set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (many workspaces), not both."]
      : []),
    ...(e.SLACK_APP_TOKEN ? ["Installing into many workspaces needs HTTP mode: unset SLACK_APP_TOKEN."] : []),
    ...(e.SLACK_SIGNING_SECRET ? [] : ["SLACK_SIGNING_SECRET is required when SLACK_CLIENT_ID is set."]),
    ...(e.CAREBRIDGE_ENCRYPTION_KEY
      ? []
      : [
          "CAREBRIDGE_ENCRYPTION_KEY is required when SLACK_CLIENT_ID is set: installation tokens are stored encrypted.",
        ]),
  ];
}

export function loadConfig(raw: Record<string, string | undefined> = readEnv()): Config {
  // `PORT=` in .env means "not set", not port 0 or a data directory named "".
  const env = Object.fromEntries(Object.entries(raw).filter(([, value]) => value?.trim()));
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "environment");
        return problemLine(name, issue.message, env[name]);
      }),
    );
  }
  const e = parsed.data as z.infer<typeof envSchema> & Record<string, unknown>;
  const missingKeys = VENDORS.map((v) => v.toUpperCase())
    .filter((prefix) => e[`${prefix}_BASE_URL`] !== undefined && e[`${prefix}_API_KEY`] === undefined)
    .map((prefix) => `${prefix}_API_KEY is required when ${prefix}_BASE_URL is set.`);
  if (missingKeys.length > 0) throw new ConfigError(missingKeys);
  const oauthProblems = oauthSettingsProblems(e);
  if (oauthProblems.length > 0) throw new ConfigError(oauthProblems);
  const vendor = (prefix: string): VendorConfig => ({
    baseUrl: e[`${prefix}_BASE_URL`] as string | undefined,
    apiKey: e[`${prefix}_API_KEY`] as string | undefined,
    requestsPerSecond: e[`${prefix}_RPS`] as number,
    timeoutMs: e.HTTP_TIMEOUT_MS,
  });
  return {
    env: e.NODE_ENV,
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL.endsWith("/") ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
      port: e.PORT,
      oauth:
        e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
          ? { clientId: e.SLACK_CLIENT_ID, clientSecret: e.SLACK_CLIENT_SECRET, stateSecret: e.SLACK_STATE_SECRET }
          : undefined,
    },
    encryption: e.CAREBRIDGE_ENCRYPTION_KEY
      ? {
          key: encryptionKey(e.CAREBRIDGE_ENCRYPTION_KEY)!,
          previous: e.CAREBRIDGE_ENCRYPTION_KEY_PREVIOUS
            ? encryptionKey(e.CAREBRIDGE_ENCRYPTION_KEY_PREVIOUS)
            : undefined,
        }
      : undefined,
    uninstallRetentionDays: e.UNINSTALL_RETENTION_DAYS,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    migrationLockTimeoutMs: e.MIGRATION_LOCK_TIMEOUT_MS,
    jobLeaseMs: e.JOB_LEASE_MS,
    logLevel: e.LOG_LEVEL,
    admins: e.CAREBRIDGE_ADMINS,
    birthDateRequiredStates: e.BIRTH_DATE_REQUIRED_STATES,
    caregiverLms: e.CAREGIVER_LMS,
    learnerLms: e.LEARNER_LMS,
    usernameFormat: e.USERNAME_FORMAT,
    roleRanking: e.ROLE_RANKING,
    matching: { suggestScore: e.MATCH_SUGGEST_SCORE },
    archive: { maxCount: e.ARCHIVE_MAX_COUNT, maxShare: e.ARCHIVE_MAX_SHARE },
    csv: { maxBytes: e.CSV_MAX_BYTES, maxRows: e.CSV_MAX_ROWS },
    vendors: {
      teletrack: vendor("TELETRACK"),
      careacademy: vendor("CAREACADEMY"),
      motivity: vendor("MOTIVITY"),
      calmanac: vendor("CALMANAC"),
      caresmartz: vendor("CARESMARTZ"),
      cacwt: vendor("CACWT"),
      scim: vendor("SCIM"),
    },
  };
}
