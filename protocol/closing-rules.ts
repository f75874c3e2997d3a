/**
 * The public rule for the closing checkpoint (protocol v1.1, hard close), shared by the service and
 * every observer: when the closing head must be on chain at the latest.
 */

/**
 * Seconds allowed, beyond the referendum's maximum merge delay, for the closing head to reach the
 * chain. The MMD covers getting every accepted ballot into the log; this covers the anchoring
 * transaction itself: the service seals a couple of seconds after the close, its anchor loop runs
 * about once a minute, waits for confirmations, and must ride out a congested chain or a short
 * RPC outage. Ten minutes is the prod anchoring-lag alarm: later than that is no longer a hiccup.
 */
export const CLOSE_GRACE_SECONDS = 600;

/** The latest time (Unix seconds) the closing head may be anchored: close + MMD + grace. */
export function closingDeadline(closedAt: number, maxMergeDelay: number): number {
  return closedAt + maxMergeDelay + CLOSE_GRACE_SECONDS;
}
