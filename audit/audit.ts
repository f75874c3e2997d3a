/**
 * The observer's audit of one referendum, pure: a bundle of public data in, a report of named
 * checks out. Proof verification is passed in (worker threads in the CLI, a fake in unit tests),
 * so the checks run the same wherever the data came from.
 */
import type { Ballot } from "../protocol";
import {
  censusLeaves,
  checkCensus,
  checkCircuit,
  checkSpec,
  rebuildCensusRoot,
  type TrustedCircuit,
} from "./anchor-checks";
import { checkBallots, checkNullifiers, checkTally, decodeEntries } from "./ballot-checks";
import type { AuditBundle } from "./bundle";
import { checkClose } from "./close-checks";
import { checkCheckpoints, checkLog, entryLeafHashes } from "./log-checks";
import { checkReceipts, type ReceiptFile } from "./receipt-checks";
import type { AuditReport } from "./report";
import { checkTrustees } from "./sealed-checks";

/** Whether each ballot's Groth16 proof verifies, in order. */
export type ProofBatchCheck = (ballots: readonly Ballot[]) => Promise<boolean[]>;

export interface AuditDeps {
  circuit: TrustedCircuit;
  verifyProofs: ProofBatchCheck;
  /** The census root of leaves (default: in process). */
  censusRoot?: (leaves: readonly bigint[]) => Promise<bigint>;
  /** Voters' receipts to hold against the log (`bling verify --receipts`); no receipts check without. */
  receipts?: readonly ReceiptFile[];
}

export async function auditReferendum(bundle: AuditBundle, deps: AuditDeps): Promise<AuditReport> {
  const statements = decodeEntries(bundle);
  // Only ballots whose statement decodes go to the pairing; the others already fail their check.
  const toVerify = bundle.entries.flatMap(({ entry }, i) => (statements[i] ? [{ i, ballot: entry.ballot }] : []));
  const leaves = censusLeaves(bundle);
  // The census is rebuilt while the proofs are checked: both take seconds on a large referendum.
  const rebuilt = typeof leaves === "number" ? Promise.resolve(null) : (deps.censusRoot ?? rebuildCensusRoot)(leaves);
  // Awaited below; a failure meanwhile is not an unhandled rejection.
  rebuilt.catch(() => undefined);
  const answers = await deps.verifyProofs(
    toVerify.map(({ ballot }) => ({ proof: ballot.proof, publicSignals: ballot.publicSignals })),
  );
  const proofs = bundle.entries.map(() => false);
  toVerify.forEach(({ i }, k) => (proofs[i] = answers[k] === true));
  const leafHashes = entryLeafHashes(bundle);
  const checks = [
    checkSpec(bundle),
    checkCensus(bundle, await rebuilt),
    checkCircuit(bundle, deps.circuit),
    // Protocol v2: the trustees and key the ballots are sealed to (a public-vote referendum has none).
    ...(bundle.referendum.spec.trustees ? [checkTrustees(bundle)] : []),
    checkBallots(bundle, statements, proofs),
    checkNullifiers(bundle, statements),
    checkLog(bundle, leafHashes),
    checkCheckpoints(bundle, leafHashes),
    checkClose(bundle),
    checkTally(bundle, statements),
    ...(deps.receipts ? [checkReceipts(bundle, deps.receipts)] : []),
  ];
  return { referendumId: bundle.referendumId, ok: checks.every((check) => check.ok), checks };
}
