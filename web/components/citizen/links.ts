/** Addresses of the citizen pages that carry ids. */
import type { Receipt } from "../../../protocol/log-objects";

/** `/receipt/?referendum=<id>&ballot=<ballotId>`. */
export function receiptHref(receipt: Pick<Receipt, "referendumId" | "ballotId">): string {
  const query = new URLSearchParams({ referendum: receipt.referendumId, ballot: receipt.ballotId });
  return `/receipt/?${query.toString()}`;
}

/** The receipt page's query, or null when it does not name a ballot. */
export function parseReceiptQuery(search: string): { referendumId: string; ballotId: string } | null {
  const query = new URLSearchParams(search);
  const referendumId = query.get("referendum")?.trim();
  const ballotId = query.get("ballot")?.trim();
  return referendumId && ballotId ? { referendumId, ballotId } : null;
}
