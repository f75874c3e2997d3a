/**
 * The hard close (protocol v1.1): nothing in the log was stamped at or after the effective close,
 * the closing head was anchored within the close + MMD + grace, nothing was appended after it, and
 * the tally covers exactly it.
 */
import { CLOSE_GRACE_SECONDS, closingDeadline } from "../protocol/closing-rules";
import type { AuditBundle } from "./bundle";
import { CheckBuilder, type CheckResult } from "./report";

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace(".000Z", "Z");

/**
 * `numbers.closing` says how far the close got: "anchored", "pending" (not anchored yet and not
 * late: the audit is not finished, as with a tally not yet published) or "missing" (late: a failure).
 */
export function checkClose(bundle: AuditBundle): CheckResult {
  const check = new CheckBuilder(
    "close",
    "Nothing was stamped after the close, and the closing log was anchored in time",
  );
  const { spec } = bundle.referendum;
  const { closing, tally, chainTime } = bundle.anchors;
  // The anchored close is the effective one (an early close moves it forward); before it is anchored, the scheduled one.
  const close = closing?.closedAt ?? spec.closesAt;
  const deadline = closingDeadline(close, spec.maxMergeDelay);
  check.numbers.closedAt = iso(close);
  check.numbers.deadline = iso(deadline);

  let late = 0;
  for (const { sequence, entry } of bundle.entries) {
    if (entry.receivedAt >= close) {
      late++;
      check.fail(
        `ballot #${sequence} was stamped ${iso(entry.receivedAt)}, at or after the close ${iso(close)}: the service accepted a late ballot`,
      );
    }
  }
  check.numbers.lateBallots = late;

  if (!closing) {
    if (chainTime !== null && chainTime > deadline) {
      check.numbers.closing = "missing";
      check.fail(
        `no closing checkpoint is anchored, and the deadline ${iso(deadline)} (close + MMD ${spec.maxMergeDelay} s + grace ${CLOSE_GRACE_SECONDS} s) passed: the chain is at ${iso(chainTime)}`,
      );
    } else {
      check.numbers.closing = "pending";
      check.fail(
        `not finished yet: no closing checkpoint is anchored; the service has until ${iso(deadline)} (audit again after it)`,
      );
    }
    return check.done("");
  }

  check.numbers.closing = "anchored";
  check.numbers.closingSize = closing.logSize;
  if (closing.anchoredAt > deadline)
    check.fail(
      `the closing checkpoint was anchored ${iso(closing.anchoredAt)}, after the deadline ${iso(deadline)} (close + MMD ${spec.maxMergeDelay} s + grace ${CLOSE_GRACE_SECONDS} s)`,
    );
  const after = bundle.entries.filter((e) => e.sequence >= closing.logSize).length;
  if (after > 0)
    check.fail(
      `the log holds ${after} ${after === 1 ? "entry" : "entries"} after the closing head of ${closing.logSize}: ballots were added after the close`,
    );
  if (tally && (tally.logSize !== closing.logSize || tally.logRoot !== closing.logRoot))
    check.fail(
      `the tally covers a log of ${tally.logSize} (root ${tally.logRoot.slice(2)}), not the closing log of ${closing.logSize} (root ${closing.logRoot.slice(2)})`,
    );
  return check.done(
    `no ballot stamped after the close ${iso(close)}; the closing log of ${closing.logSize} was anchored ${iso(closing.anchoredAt)}, by ${iso(deadline)}${tally ? "; the tally covers exactly it" : ""}`,
  );
}
