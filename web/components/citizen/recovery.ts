/**
 * The recovery code as a citizen handles it: pasted with stray spaces or line breaks, saved as a
 * text file, and the short fingerprint that tells two voting keys apart at a glance.
 */
import { importIdentity, type Identity } from "../../../protocol/identity";

/** The code with every space and line break removed (copying from a letter or a file adds them). */
export function normaliseRecoveryCode(text: string): string {
  return text.replace(/\s+/g, "");
}

/** What a typed or pasted recovery code gives: the identity, or why it gives none. */
export type RecoveryRead = { identity: Identity } | { problem: "typo" | "invalid" };

/** Reads a recovery code; a grouped code whose checksum fails is a "typo", anything else unreadable "invalid". */
export function readRecoveryCode(text: string): RecoveryRead {
  try {
    return { identity: importIdentity(normaliseRecoveryCode(text)) };
  } catch (error) {
    return { problem: (error as Error).message.includes("typo") ? "typo" : "invalid" };
  }
}

/** The identity of a typed or pasted recovery code, or null when it is not a valid code. */
export function identityFromRecoveryCode(text: string): Identity | null {
  const read = readRecoveryCode(text);
  return "identity" in read ? read.identity : null;
}

/**
 * A local page to go back to after restoring (`?from=/vote/7/`): only a path on this site, never
 * another origin (`//evil.example` or `https://…`), so the link cannot send a citizen elsewhere.
 */
export function returnPath(from: string | null): string | null {
  if (!from || !/^\/(?![/\\])[\w\-./?=&%]*$/.test(from)) return null;
  return from;
}

/**
 * A short fingerprint of a commitment: its last 8 decimal digits in two groups (`1234 5678`), enough
 * to recognise one's key, too short to link it to a census leaf with any certainty in a large census.
 */
export function commitmentFingerprint(commitment: bigint): string {
  const digits = commitment.toString().padStart(8, "0").slice(-8);
  return `${digits.slice(0, 4)} ${digits.slice(4)}`;
}

/** The text file a citizen downloads: the code and one line saying what it is. */
export function recoveryFileText(code: string, heading: string): string {
  return `${heading}\n\n${code}\n`;
}

/** The name of that file. */
export const RECOVERY_FILE_NAME = "bling-recovery-code.txt";

/** The letter's code as printed (`7K2M-QX9D-4HTB-0WRE`): 16 characters of Crockford's base32, typed loosely. */
export function isLetterCode(typed: string): boolean {
  const text = typed.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  return /^[0-9A-HJKMNP-TV-Z]{16}$/.test(text);
}
