/** The registration codes the API issues, as CSV with the header `code`: one code a line. */

/**
 * The codes of an issued CSV, in order.
 * @throws Error when the first line is not the `code` header.
 */
export function parseCodesCsv(csv: string): string[] {
  const lines = csv
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (lines[0] !== "code") throw new Error("the codes CSV has no `code` header");
  return lines.slice(1);
}

/** The download's file name: `codes-<census>.csv`, with only safe characters. */
export function codesFileName(censusId: string): string {
  return `codes-${censusId.replace(/[^\w-]/g, "_")}.csv`;
}

/** The address residents register at, printed on their letters. */
export function registrationLink(origin: string, censusId: string): string {
  return `${origin}/register/?census=${encodeURIComponent(censusId)}`;
}

/**
 * The codes for a word processor's mail merge: a header, then one row per letter with its code and
 * the resident's personal registration link. The code rides in the link's fragment, which browsers
 * never send to a server, so it stays out of access logs.
 */
export function mailMergeCsv(origin: string, censusId: string, codes: readonly string[]): string {
  const rows = codes.map((code) => `${code},${registrationLink(origin, censusId)}#code=${encodeURIComponent(code)}`);
  return ["code,registration_link", ...rows].join("\r\n") + "\r\n";
}

/** The mail merge's file name: `letters-<census>.csv`. */
export function mailMergeFileName(censusId: string): string {
  return `letters-${censusId.replace(/[^\w-]/g, "_")}.csv`;
}
