/**
 * Paged reads of the API: the census leaves a voter's device or an observer downloads, and any
 * other route read page by page (log entries).
 */
import { MAX_PAGE } from "./schemas";
import type { PublicClient } from "./client";

export interface PagerOptions {
  /** Items per request (default and most: the API's MAX_PAGE). */
  pageSize?: number;
  /** Requests in flight at once (default 1): enough to hide latency, few enough to be polite. */
  parallel?: number;
  /** Items read so far, after each round of requests. */
  onProgress?: (done: number) => void;
}

/**
 * Items [0, total) of a paged route, in order. It stops at the first page that comes short (the
 * service has fewer items than `total`), so the caller decides whether fewer is an error.
 */
export async function fetchPages<T>(
  total: number,
  fetchPage: (from: number, limit: number) => Promise<readonly T[]>,
  options: PagerOptions = {},
): Promise<T[]> {
  const pageSize = options.pageSize ?? MAX_PAGE;
  const parallel = options.parallel ?? 1;
  const items: T[] = [];
  while (items.length < total) {
    const starts = Array.from({ length: parallel }, (_, i) => items.length + i * pageSize).filter((s) => s < total);
    const pages = await Promise.all(starts.map((from) => fetchPage(from, Math.min(pageSize, total - from))));
    for (const [i, page] of pages.entries()) {
      const want = Math.min(pageSize, total - (starts[i] ?? 0));
      items.push(...page.slice(0, want));
      if (page.length < want) {
        options.onProgress?.(items.length);
        return items;
      }
    }
    options.onProgress?.(items.length);
  }
  return items;
}

/**
 * The first `total` leaves of a census (a referendum's frozen census is the first `spec.census.size`),
 * fewer only when the service has fewer.
 */
export function fetchCensusLeaves(
  client: Pick<PublicClient, "censusLeaves">,
  censusId: string,
  total: number,
  options: PagerOptions = {},
): Promise<string[]> {
  return fetchPages(total, (from, limit) => client.censusLeaves(censusId, from, limit), options);
}
