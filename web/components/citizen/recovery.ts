/**
 * The recovery code as a citizen handles it: pasted with stray spaces or line breaks, saved as a
 * text file, and the short fingerprint that tells two voting keys apart at a glance.
 */
import { importIdentity, type Identity } from "../../../protocol/identity";

/** The code with every space and line break removed (copying from a letter or a file adds them). */
export function normaliseRecoveryCode(text: string): string {
  return text.replace(/\s+/g, "");
}

/** The identity of a typed or pasted recovery code, or null when it is not a valid code. */
export function identityFromRecoveryCode(text: string): Identity | null {
  try {
    return importIdentity(normaliseRecoveryCode(text));
  } catch {
    return null;
  }
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
