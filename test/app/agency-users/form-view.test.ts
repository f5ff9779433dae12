import { describe, expect, it } from "vitest";
import { createFormView } from "../../../src/slack/presenters/agency-users/form-view";
import { blockOf, type ViewBlock } from "./slack-form";

const offices = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `of-${i}`, name: `Office ${String(count - i).padStart(5, "0")}` }));
const META = { channel: "C1", suggested: undefined };
type Select = NonNullable<ViewBlock["element"]> & {
  option_groups?: Array<{ label: { text: string }; options: Array<{ value: string }> }>;
};
const officeSelect = (count: number, preselect = false) => {
  const list = offices(count);
  const view = createFormView(
    {
      offices: list,
      roles: [{ id: "ro-1", name: "Scheduler" }],
      office: preselect ? list[0] : undefined,
      roleNote: undefined,
    },
    META,
    "Caresmartz360",
  );
  return blockOf(view as unknown as { blocks: ViewBlock[] }, "officeId");
};

describe("the office and role selects", () => {
  it("list up to 100 choices as they come", () => {
    const block = officeSelect(100);
    expect(block.element?.options).toHaveLength(100);
    expect(block.hint).toBeUndefined();
  });

  it("over 100, list every choice in groups of 100 by name, each labeled by its first and last", () => {
    const block = officeSelect(250, true);
    const element = block.element as Select;
    expect(element.options).toBeUndefined();
    expect(element.option_groups?.map((g) => [g.label.text, g.options.length])).toEqual([
      ["Office 00001 – Office 00100", 100],
      ["Office 00101 – Office 00200", 100],
      ["Office 00201 – Office 00250", 50],
    ]);
    expect(new Set(element.option_groups?.flatMap((g) => g.options.map((o) => o.value))).size).toBe(250);
    expect(element.initial_option?.value).toBe("of-0");
  });

  it("beyond what Slack can list (100 groups of 100), say so in the field", () => {
    const block = officeSelect(10_001);
    expect((block.element as Select).option_groups).toHaveLength(100);
    expect(block.hint?.text).toBe("Slack lists at most 10000: these are the first by name of 10001.");
  });
});
