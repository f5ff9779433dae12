/** "1 caregiver", "1,200 caregivers". */
export const caregivers = (n: number): string => `${n.toLocaleString("en-US")} caregiver${n === 1 ? "" : "s"}`;
