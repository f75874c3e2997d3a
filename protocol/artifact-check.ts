import type { ArtifactFile } from "./manifest";

/**
 * Hex SHA-256 of bytes, by Web Crypto: the same code in browsers, workers and Node, and native, so
 * a 14 MB zkey hashes in milliseconds where a JavaScript hash takes seconds.
 */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  // Web Crypto's types ask for an ArrayBuffer-backed view; every caller's bytes are one.
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Checks fetched or read artifact bytes against their manifest entry before
 * anything proves or verifies with them.
 * @throws Error `artifact <path> does not match its manifest (...)`.
 */
export async function requireArtifactHash(
  file: ArtifactFile,
  data: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const actual = await sha256Hex(data);
  if (actual !== file.sha256) {
    throw new Error(`artifact ${file.path} does not match its manifest (sha256 ${actual}, expected ${file.sha256})`);
  }
  return data;
}
