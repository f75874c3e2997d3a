/**
 * A trustee's recovery code: its TrusteeSecret (referendum, attempt, seat and secret key) as
 * base64url of its JSON. It is the trustee's share of the election key, so it is shown once, for
 * saving, and read back only into this device's store.
 */
import { trusteeSecret, type TrusteeSecret } from "../../../protocol/trustee-steps";

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The recovery code of a secret. */
export function trusteeRecoveryCode(secret: TrusteeSecret): string {
  const { referendumId, attempt, index, secretKey } = secret;
  return toBase64Url(new TextEncoder().encode(JSON.stringify({ referendumId, attempt, index, secretKey })));
}

/**
 * The secret of a typed or pasted recovery code (spaces and line breaks ignored), or null when it
 * is not one.
 */
export function trusteeSecretFromCode(text: string): TrusteeSecret | null {
  const code = text.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9_-]+$/.test(code)) return null;
  try {
    const parsed = trusteeSecret.safeParse(
      JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(fromBase64Url(code))),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
