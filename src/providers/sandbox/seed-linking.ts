import type { SandboxState } from "./state";

type MemberRow = [id: string, first: string, last: string, email: string, roleId: string | null, calmanacId: string | null];
type StaffRow = [id: string, first: string, last: string, email: string | null, phone: string | null];
type LearnerRow = [id: string, first: string, last: string, birthDate: string | null, alias: string, calmanacId: string | null];
type ClientRow = [id: string, first: string, last: string, birthDate: string | null];

/**
 * Motivity and Calmanac for the linking workflow: pairs already linked, pairs with the same
 * email or the same name and birth date (link automatically), near-duplicates to suggest
 * (accents and hyphens, nicknames, swapped first/last name, a typo), people on one side only,
 * a same-name client with another birth date (must not link), and Motivity's support service
 * account (never linked).
 */
const MEMBERS: MemberRow[] = [
  ["mv-m-01", "Angela", "Brooks", "angela.brooks@brightpath.example", "r-cd", "cm-s-01"],
  ["mv-m-02", "Daniel", "Kim", "daniel.kim@brightpath.example", "r-bcba", "cm-s-02"],
  ["mv-m-03", "Fatima", "Rahman", "fatima.rahman@brightpath.example", "r-bcba", null],
  ["mv-m-04", "Tyler", "Jenkins", "tyler.jenkins@brightpath.example", "r-rbt", null],
  ["mv-m-05", "José", "Álvarez-Ruiz", "jose.alvarez@brightpath.example", "r-rbt", null],
  ["mv-m-06", "Bob", "Smith", "bob.smith@brightpath.example", "r-rbt", null],
  ["mv-m-07", "Liz", "Chen", "liz.chen@brightpath.example", "r-bcba", null],
  ["mv-m-08", "Thanh", "Nguyen", "thanh.nguyen@brightpath.example", "r-rbt", null],
  ["mv-m-09", "Kathryn", "Mitchel", "kathryn.mitchell@brightpath.example", "r-billing", null],
  ["mv-m-10", "Omar", "Haddad", "omar.haddad@brightpath.example", "r-rbt", null],
];

const STAFF: StaffRow[] = [
  ["cm-s-01", "Angela", "Brooks", "angela.brooks@brightpath.example", "+1 916 555 0201"],
  ["cm-s-02", "Daniel", "Kim", "daniel.kim@brightpath.example", null],
  ["cm-s-03", "Fatima", "Rahman", "fatima.rahman@brightpath.example", "+1 916 555 0203"],
  ["cm-s-04", "Tyler", "Jenkins", "Tyler.Jenkins@Brightpath.example", null],
  ["cm-s-05", "Jose", "Alvarez Ruiz", "j.alvarezruiz@example.com", "+1 916 555 0205"],
  ["cm-s-06", "Robert", "Smith", null, "+1 916 555 0206"],
  ["cm-s-07", "Elizabeth", "Chen", "elizabeth.chen@example.net", null],
  ["cm-s-08", "Nguyen", "Thanh", null, null],
  ["cm-s-09", "Kathryn", "Mitchell", "k.mitchell@example.com", null],
  ["cm-s-10", "Rosa", "Delgado", "rosa.delgado@brightpath.example", "+1 916 555 0210"],
  ["cm-s-11", "Ethan", "Park", null, "+1 916 555 0211"],
  ["cm-s-12", "Aisha", "Bello", "aisha.bello@brightpath.example", null],
];

const LEARNERS: LearnerRow[] = [
  ["mv-l-01", "Noah", "Williams", "2016-04-12", "NW-001", "cm-c-01"],
  ["mv-l-02", "Ava", "Martinez", "2015-09-30", "AM-002", null],
  ["mv-l-03", "Liam", "Johnson", "2017-01-22", "LJ-003", null],
  ["mv-l-04", "Sofía", "Hernández", "2014-06-05", "SH-004", null],
  ["mv-l-05", "Zoë", "Müller", "2016-12-01", "ZM-005", null],
  ["mv-l-06", "Alex", "Turner", "2013-08-19", "AT-006", null],
  ["mv-l-07", "Mia", "Robinson", "2018-02-14", "MR-007", null],
  ["mv-l-08", "Jayden", "Lee", "2015-05-05", "JL-008", null],
];

const CLIENTS: ClientRow[] = [
  ["cm-c-01", "Noah", "Williams", "2016-04-12"],
  ["cm-c-02", "Ava", "Martinez", "2015-09-30"],
  ["cm-c-03", "Liam", "Johnson", "2017-01-22"],
  ["cm-c-04", "Sofia", "Hernandez", "2014-06-05"],
  ["cm-c-05", "Zoe", "Muller", "2016-12-01"],
  ["cm-c-06", "Alexander", "Turner", "2013-08-19"],
  ["cm-c-07", "Mia", "Robinsen", "2018-02-14"],
  ["cm-c-08", "Olivia", "Brown", "2016-10-10"],
  ["cm-c-09", "Lucas", "Davis", null],
  ["cm-c-10", "Liam", "Johnson", "2019-07-07"],
];

export function seedLinking(state: SandboxState): void {
  const { motivity, calmanac } = state;
  motivity.roles.push(
    { id: "r-admin", name: "Org Admin" },
    { id: "r-cd", name: "Clinical Director" },
    { id: "r-bcba", name: "BCBA" },
    { id: "r-rbt", name: "RBT" },
    { id: "r-billing", name: "Billing" },
  );
  motivity.members.set("mv-m-00", {
    id: "mv-m-00",
    firstName: "Motivity",
    lastName: "Support",
    email: "support@motivity.example",
    roleId: "r-admin",
    serviceAccount: true,
    calmanacId: null,
  });
  for (const [id, firstName, lastName, email, roleId, calmanacId] of MEMBERS) {
    motivity.members.set(id, { id, firstName, lastName, email, roleId, serviceAccount: false, calmanacId });
  }
  for (const [id, firstName, lastName, email, phone] of STAFF) calmanac.staff.set(id, { id, firstName, lastName, email, phone });
  for (const [id, firstName, lastName, birthDate, alias, calmanacId] of LEARNERS) {
    motivity.learners.set(id, { id, firstName, lastName, birthDate, alias, calmanacId });
  }
  for (const [id, firstName, lastName, birthDate] of CLIENTS) calmanac.clients.set(id, { id, firstName, lastName, birthDate });
}
