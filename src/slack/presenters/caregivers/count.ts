import { count } from "../../../app/plural";
/** "1 caregiver", "1,200 caregivers". */
export const caregivers = (n: number): string => count(n, "caregiver");
