/**
 * Opaque public ids of quiz options, and the stable display order of options, keyed with a server secret.
 * Without the secret, neither an id nor the order can be computed from the content's local ids, so guessing
 * local ids ("a" for the right answer, "1".."6" for a sequence in order) no longer reads a key off the public
 * quiz. The secret is generated once by a migration and kept in the database (server_secret), so ids stay the
 * same across restarts and across instances that share one database. Pure apart from node:crypto.
 */
import { createHmac } from "node:crypto";

/** The name of the secret in server_secret. */
export const OPTION_ID_SECRET = "option-ids";

export class OptionIds {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 16) throw new Error("the option-id secret is too short");
  }

  private mac(s: string): string {
    return createHmac("sha256", this.secret).update(s).digest("hex");
  }

  /**
   * The public id of an option: `<item>.<12 hex digits>`. The formula is also in the ServerSecrets migration,
   * which rewrote stored attempt layouts to it; change neither without a migration.
   */
  option(itemId: string, localId: string): string {
    return `${itemId}.${this.mac(`option:${itemId}:${localId}`).slice(0, 12)}`;
  }

  /** A sort key for an option's place in the public order, unrelated to the key and to the local id. */
  rank(itemId: string, localId: string): string {
    return this.mac(`order:${itemId}:${localId}`);
  }
}
