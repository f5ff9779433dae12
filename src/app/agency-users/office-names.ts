/**
 * Offices named in a sentence, as many as fit in a Slack message (about 12,000 characters of
 * blocks); past that, the first ones and how to reach the rest: `/agency-user list` finds an
 * office by any part of its name, so every office stays reachable however many there are.
 */
export function officeNames(offices: ReadonlyArray<{ name: string }>, budget = 6000): string {
  const named: string[] = [];
  let used = 0;
  for (const { name } of offices) {
    // What the name costs once Slack's &, < and > are escaped.
    const cost = name.replace(/[&<>]/g, "&amp;").length + 2;
    if (used + cost > budget) break;
    named.push(name);
    used += cost;
  }
  if (named.length === offices.length) return named.join(", ");
  return `${named.join(", ")} and ${offices.length - named.length} more (type part of an office's name, e.g. \`/agency-user list ${offices[0]!.name.slice(0, 4)}\`, to narrow them)`;
}
