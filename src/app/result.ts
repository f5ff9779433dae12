/** Something the user can fix; `field` names the form field (or CSV column) it belongs to. */
export interface Problem {
  field?: string;
  message: string;
}

export type Result<T> = ({ ok: true } & T) | { ok: false; problems: Problem[] };

export function fail(message: string, field?: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [field === undefined ? { message } : { field, message }] };
}
