import type { Vendor } from "../../config";
import { type ConflictError, UnsupportedError } from "../http/errors";
import { uniquenessConflict } from "./same-user";
import type { ScimUser } from "./schema";
import type { ScimUsers } from "./users";

/**
 * What the SCIM adapters share: the vendor they play (named in errors), its /Users, how a SCIM
 * user reads back as the role's record, and SCIM's answers for a taken userName and for what it
 * cannot do.
 */
export abstract class ScimAdapter<T> {
  constructor(
    protected readonly vendor: Vendor,
    protected readonly users: ScimUsers,
  ) {}

  protected abstract read(user: ScimUser): T;

  /** The one user a filter finds, as the role's record. */
  protected async findOne(filter: string): Promise<T | null> {
    const user = await this.users.findOne(filter);
    return user && this.read(user);
  }

  /** A 409 about `userName`, as a conflict naming who holds it (by `name`). */
  protected conflict(
    error: ConflictError,
    userName: string,
    name: (holder: ScimUser) => string,
    selfId?: string,
  ): Promise<ConflictError> {
    return uniquenessConflict(this.vendor, this.users, error, userName, name, selfId);
  }

  /** What the role cannot do through SCIM, refused as the vendor's UnsupportedError. */
  protected unsupported(message: string): Promise<never> {
    return Promise.reject(new UnsupportedError(this.vendor, message));
  }
}
