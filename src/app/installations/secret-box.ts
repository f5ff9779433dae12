import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Seals secrets at rest with AES-256-GCM. A sealed value names the key that sealed it (a short
 * hash of the key, never the key), so after CAREBRIDGE_ENCRYPTION_KEY is replaced the old key,
 * kept as CAREBRIDGE_ENCRYPTION_KEY_PREVIOUS, still opens what it sealed until that is resealed.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
  /** Sealed with a key other than the current one: reseal it. */
  isStale(sealed: string): boolean;
}

const VERSION = "v1";

const keyId = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 12);

export function createSecretBox(keys: { key: Buffer; previous: Buffer | undefined }): SecretBox {
  const current = { id: keyId(keys.key), key: keys.key };
  const known = new Map([[current.id, current.key]]);
  if (keys.previous) known.set(keyId(keys.previous), keys.previous);

  const parts = (sealed: string) => {
    const [version, id, iv, tag, data] = sealed.split(":");
    if (version !== VERSION || !id || !iv || !tag || data === undefined) throw new Error("not a sealed value");
    return { id, iv, tag, data };
  };

  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", current.key, iv);
      const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, current.id, iv.toString("base64"), tag.toString("base64"), data.toString("base64")].join(":");
    },
    open(sealed) {
      const { id, iv, tag, data } = parts(sealed);
      const key = known.get(id);
      if (!key) throw new Error("sealed with a key that is neither CAREBRIDGE_ENCRYPTION_KEY nor its _PREVIOUS");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
    },
    isStale(sealed) {
      return parts(sealed).id !== current.id;
    },
  };
}
