import type { Config } from "../../config";
import type { PrismaClient } from "../../generated/prisma/client";
import { VENDOR_LABELS } from "../../providers/labels";
import type { AccessService } from "../access/service";
import type { Actor } from "../actor";
import type { Audit } from "../audit";
import { createSecretBox, type SecretBox } from "../installations/secret-box";
import { fail, type Result } from "../result";
import type { Probe } from "./probe";

/** The accounts an admin fills in; SCIM is not one of its own but a choice for the two LMS slots. */
export const ACCOUNT_VENDORS = ["teletrack", "careacademy", "motivity", "calmanac", "caresmartz", "cacwt"] as const;
export type AccountVendor = (typeof ACCOUNT_VENDORS)[number];
export type Protocol = "vendor" | "scim";
export const SCIM_SLOTS: ReadonlySet<AccountVendor> = new Set(["careacademy", "cacwt"]);

/** A vendor as the workspace uses it: its own account, or the environment's default. */
export interface VendorAccountView {
  vendor: AccountVendor;
  /** The vendor's name as people know it. */
  label: string;
  source: "workspace" | "environment";
  protocol: Protocol;
  baseUrl: string | undefined;
  /** `…1234` at most; never the key. */
  maskedKey: string | undefined;
  updatedBy: string | undefined;
  updatedAt: Date | undefined;
}

export interface VendorAccountForm {
  vendor: string;
  baseUrl: string;
  apiKey: string;
  protocol?: string;
}

/** An account opened for a provider: the key in the clear, only in memory. */
export interface OpenAccount {
  vendor: AccountVendor;
  protocol: Protocol;
  baseUrl: string;
  apiKey: string;
}

const mask = (hint: string | undefined) => (hint ? `…${hint}` : undefined);
const hintOf = (key: string) => (key.length >= 12 ? key.slice(-4) : "");

export type VendorAccounts = ReturnType<typeof createVendorAccounts>;

/** Per-workspace vendor accounts: saved sealed after a test call succeeds, listed masked, audited without the key. */
export function createVendorAccounts(deps: {
  prisma: Pick<PrismaClient, "vendorAccount">;
  access: Pick<AccessService, "check">;
  audit: Audit;
  config: Pick<Config, "encryption" | "vendors" | "caregiverLms" | "learnerLms">;
  probe: Probe;
  /** Called after a save, so the workspace's providers are rebuilt with the new account. */
  onChange: (workspaceId: string) => void;
}) {
  const { prisma, config } = deps;
  let box: SecretBox | undefined;
  const secrets = (): SecretBox => {
    if (!config.encryption) throw new Error("CAREBRIDGE_ENCRYPTION_KEY is not set");
    box ??= createSecretBox(config.encryption);
    return box;
  };
  const envProtocol = (vendor: AccountVendor): Protocol =>
    vendor === "careacademy" ? config.caregiverLms : vendor === "cacwt" ? config.learnerLms : "vendor";
  const isAccountVendor = (v: string): v is AccountVendor => (ACCOUNT_VENDORS as readonly string[]).includes(v);

  return {
    /** Every vendor with where its settings come from; admins only. */
    async list(actor: Actor): Promise<Result<{ accounts: VendorAccountView[] }>> {
      const allowed = await deps.access.check(actor, "settings.manage");
      if (!allowed.allowed) return fail(allowed.reason);
      const rows = await prisma.vendorAccount.findMany({ where: { workspaceId: actor.workspaceId } });
      const accounts = ACCOUNT_VENDORS.map((vendor): VendorAccountView => {
        const row = rows.find((r) => r.vendor === vendor);
        if (row) {
          return {
            vendor,
            label: VENDOR_LABELS[vendor],
            source: "workspace",
            protocol: row.protocol as Protocol,
            baseUrl: row.baseUrl,
            maskedKey: mask(row.keyHint) ?? "set",
            updatedBy: row.updatedBy,
            updatedAt: row.updatedAt,
          };
        }
        const protocol = envProtocol(vendor);
        const env = config.vendors[protocol === "scim" ? "scim" : vendor];
        return {
          vendor,
          label: VENDOR_LABELS[vendor],
          source: "environment",
          protocol,
          baseUrl: env.baseUrl,
          maskedKey: env.apiKey === undefined ? undefined : (mask(hintOf(env.apiKey)) ?? "set"),
          updatedBy: undefined,
          updatedAt: undefined,
        };
      });
      return { ok: true, accounts };
    },

    /** Validates, calls the vendor with the key, and only then stores it sealed. */
    async save(actor: Actor, form: VendorAccountForm): Promise<Result<{ account: VendorAccountView }>> {
      const allowed = await deps.access.check(actor, "settings.manage", { type: "vendor", id: form.vendor });
      if (!allowed.allowed) return fail(allowed.reason);
      if (!config.encryption)
        return fail("Set CAREBRIDGE_ENCRYPTION_KEY where carebridge runs to keep a workspace's own vendor keys.");
      if (!isAccountVendor(form.vendor))
        return fail(`"${form.vendor}" is not a vendor carebridge speaks to.`, "vendor");
      const vendor = form.vendor;
      const protocol: Protocol = form.protocol === "scim" && SCIM_SLOTS.has(vendor) ? "scim" : "vendor";
      const baseUrl = form.baseUrl.trim().replace(/\/+$/, "");
      const apiKey = form.apiKey.trim();
      const problems = [];
      if (!isHttpUrl(baseUrl)) problems.push({ field: "baseUrl", message: "A URL such as https://api.example.com." });
      if (!apiKey) problems.push({ field: "apiKey", message: "The API key is required." });
      if (problems.length > 0) return { ok: false, problems };

      const probed = await deps.probe(protocol === "scim" ? "scim" : vendor, baseUrl, apiKey);
      const target = { type: "vendor", id: vendor };
      if (!probed.ok) {
        await deps.audit.record(actor, {
          action: "vendor.account",
          targetType: target.type,
          targetId: target.id,
          outcome: "failed",
          details: { baseUrl, protocol },
        });
        return fail(probed.answer, "apiKey");
      }
      const columns = {
        protocol,
        baseUrl,
        sealedKey: secrets().seal(apiKey),
        keyHint: hintOf(apiKey),
        updatedBy: actor.userId,
      };
      const row = await prisma.vendorAccount.upsert({
        where: { workspaceId_vendor: { workspaceId: actor.workspaceId, vendor } },
        create: { workspaceId: actor.workspaceId, vendor, ...columns },
        update: columns,
      });
      deps.onChange(actor.workspaceId);
      await deps.audit.record(actor, {
        action: "vendor.account",
        targetType: target.type,
        targetId: target.id,
        outcome: "ok",
        details: { baseUrl, protocol, key: mask(row.keyHint) ?? "set" },
      });
      return {
        ok: true,
        account: {
          vendor,
          label: VENDOR_LABELS[vendor],
          source: "workspace",
          protocol,
          baseUrl,
          maskedKey: mask(row.keyHint) ?? "set",
          updatedBy: row.updatedBy,
          updatedAt: row.updatedAt,
        },
      };
    },

    /**
     * What the workspace's accounts are now, without opening a key: changes whenever an account is
     * saved or deleted, on any instance. Providers built from older accounts are built again.
     */
    async stamp(workspaceId: string): Promise<string> {
      const rows = await prisma.vendorAccount.findMany({
        where: { workspaceId },
        select: { vendor: true, updatedAt: true },
        orderBy: { vendor: "asc" },
      });
      return rows.map((r) => `${r.vendor}@${r.updatedAt.getTime()}`).join(",");
    },

    /** The workspace's accounts with their keys opened, for building its providers; never for display. */
    async open(workspaceId: string): Promise<OpenAccount[]> {
      const rows = await prisma.vendorAccount.findMany({ where: { workspaceId } });
      return rows
        .filter((r) => isAccountVendor(r.vendor))
        .map((r) => ({
          vendor: r.vendor as AccountVendor,
          protocol: r.protocol as Protocol,
          baseUrl: r.baseUrl,
          apiKey: secrets().open(r.sealedKey),
        }));
    },
  };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}
