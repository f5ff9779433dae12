import type { ModalView } from "@slack/types";
import type { VendorAccountForm, VendorAccountView } from "../../app/vendor-accounts";
import { actions, context, escape, header, type Message, section } from "./kit";
import { input, option, plain, read, type StateValues, VALUE } from "./modal-kit";

export const VENDOR_OPEN_ACTION = "carebridge.vendor.open";
export const VENDOR_CALLBACK_ID = "carebridge.vendor";
export const VENDOR_BLOCKS = ["baseUrl", "apiKey", "protocol"] as const;

const sourceText = (a: VendorAccountView) =>
  a.source === "workspace"
    ? `this workspace's account · key ${escape(a.maskedKey ?? "set")} · by <@${escape(a.updatedBy ?? "")}>`
    : a.baseUrl
      ? `environment default · key ${escape(a.maskedKey ?? "not set")}`
      : "environment default · played by the sandbox";

/** `/carebridge vendors`: where each vendor's settings come from, and a button to set this workspace's own. */
export function vendorsMessage(accounts: readonly VendorAccountView[]): Message {
  return {
    text: "Vendor accounts",
    blocks: [
      header("Vendor accounts"),
      ...accounts.flatMap((a) => [
        section(
          `*${escape(a.label)}*${a.protocol === "scim" ? " (through SCIM)" : ""}\n${escape(a.baseUrl ?? "")}\n${sourceText(a)}`,
        ),
        actions([{ text: `Set ${a.label} account`, actionId: VENDOR_OPEN_ACTION, value: a.vendor }]),
      ]),
      context("A key is checked with a read call before it is saved, stored encrypted, and never shown back."),
    ],
  };
}

/** The account modal; the key field starts empty, whatever is stored. */
export function vendorModal(account: VendorAccountView, scimChoice: boolean): ModalView {
  const label = account.label;
  const protocols = [option(`${label}'s own API`, "vendor"), option("A SCIM 2.0 service", "scim")];
  return {
    type: "modal",
    callback_id: VENDOR_CALLBACK_ID,
    private_metadata: account.vendor,
    title: plain(`${label} account`.slice(0, 24)),
    submit: plain("Check and save"),
    close: plain("Cancel"),
    blocks: [
      ...(scimChoice
        ? [
            input("protocol", "Speak to it through", {
              type: "static_select",
              action_id: VALUE,
              options: protocols,
              initial_option: account.protocol === "scim" ? protocols[1]! : protocols[0]!,
            }),
          ]
        : []),
      input(
        "baseUrl",
        "Base URL",
        { type: "url_text_input", action_id: VALUE, ...(account.baseUrl ? { initial_value: account.baseUrl } : {}) },
        { hint: "e.g. https://api.vendor.example" },
      ),
      input(
        "apiKey",
        "API key",
        { type: "plain_text_input", action_id: VALUE },
        { hint: account.maskedKey ? `Stored now: ${account.maskedKey}. Enter the key again to change anything.` : "" },
      ),
    ],
  };
}

export function readVendorForm(vendor: string, values: StateValues): VendorAccountForm {
  return {
    vendor,
    baseUrl: read.text(values, "baseUrl"),
    apiKey: read.text(values, "apiKey"),
    protocol: read.picked(values, "protocol") ?? "vendor",
  };
}

export function vendorSavedMessage(account: VendorAccountView): Message {
  const text = `${account.label} now uses this workspace's account at ${account.baseUrl ?? ""} (key ${account.maskedKey ?? "set"}).`;
  return { text, blocks: [section(escape(text))] };
}
