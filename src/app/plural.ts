/**
 * A count with its noun, in the one form people expect: "1 caregiver", "0 caregivers",
 * "1,200 caregivers", "1 service account". Irregular plurals are given: count(2, "match", "matches").
 */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
