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
