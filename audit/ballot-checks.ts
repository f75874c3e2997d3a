/**
 * Checks of the ballots in the log: each is for this referendum under its rules and has a proof
 * that verifies; each nullifier is counted once; and the recount equals the anchored tally. A
 * referendum with trustees (protocol v2) has sealed ballots: each carries the anchored election key
 * and the referendum's option count, and its tally is checked by `checkSealedTally`.
 */
import { decodeBallotStatement, VOTE_OPTIONS, type BallotStatement } from "../protocol";
import type { Point } from "../protocol/babyjub";
import { decodeSealedStatement, type SealedStatement } from "../protocol/sealed-statement";
import type { ReferendumSpec } from "../protocol/spec";
import { computeTally } from "../protocol/tally-rules";
import { malformedIn, type AuditBundle, type AuditEntry } from "./bundle";
import { CheckBuilder, type CheckResult } from "./report";
import { anchoredElectionKey, checkSealedTally, sealedSlots } from "./sealed-checks";

/** A ballot's decoded public signals: a public vote (v1.1) or a sealed one (v2), as the spec says. */
export type EntryStatement = BallotStatement | SealedStatement;

export const isSealedStatement = (statement: EntryStatement): statement is SealedStatement =>
  "ciphertexts" in statement;

/** What every ballot, public or sealed, is checked against: the spec, and for sealed ones its key. */
interface BallotContext {
  spec: ReferendumSpec;
  /** Null for public votes; the slot count and anchored key (null when the spec's is not a point) when sealed. */
  sealed: { slots: number; key: Point | null } | null;
}

function contextOf(spec: ReferendumSpec): BallotContext {
  const slots = sealedSlots(spec);
  return {
    spec,
    sealed: slots === null || !spec.trustees ? null : { slots, key: anchoredElectionKey(spec.trustees) },
  };
}

/** Why a ballot's statement does not belong in this referendum's log, or null when it does. */
function statementProblem(
  { spec, sealed }: BallotContext,
  entry: AuditEntry["entry"],
  s: EntryStatement | null,
): string | null {
  // Typed as the literal, but it came off the wire.
  const type: string = entry.type;
  if (type !== "bling.ballot.v1" || entry.referendumId !== spec.id) return "is not a ballot entry of this referendum";
  if (!s)
    return sealed
      ? `has public signals that are not a sealed ballot's of ${sealed.slots} slots (canonical field elements in the circuit's ranges, a key in the subgroup, ciphertexts on the curve)`
      : "has public signals that are not canonical field elements in the circuit's ranges";
  if (s.revision !== entry.revision)
    return `is logged as revision ${entry.revision} but its proof binds revision ${s.revision}`;
  if (s.referendumId.toString() !== spec.id) return `is for referendum ${s.referendumId}`;
  if (s.censusRoot.toString() !== spec.census.root) return `proves membership of census root ${s.censusRoot}`;
  const { rules } = spec;
  if (
    s.rules.maxValue !== rules.maxValue ||
    s.rules.minTotal !== rules.minTotal ||
    s.rules.maxTotal !== rules.maxTotal ||
    s.rules.costExponent !== rules.costExponent
  )
    return "carries other rules than the referendum's";
  if (isSealedStatement(s)) {
    if (!sealed?.key || !s.electionKey.equals(sealed.key))
      return "is encrypted to another key than the anchored election key: the trustees could not decrypt it";
    if (s.options !== spec.options.length)
      return `is made for ${s.options} option${s.options === 1 ? "" : "s"}; the referendum has ${spec.options.length}`;
    return null;
  }
  // The circuit has no option count: unused slots are the verifier's to check.
  const extra = s.votes.findIndex((vote, i) => i >= spec.options.length && vote !== 0);
  if (extra >= 0) return `votes for option ${extra}, which the referendum does not have (of ${VOTE_OPTIONS} slots)`;
  return null;
}

/**
 * The decoded statement of every entry (null where it does not decode), computed once for all
 * checks: sealed statements of the spec's circuit for a referendum with trustees, public votes otherwise.
 *
 * A sealed ballot's ciphertexts are read curve-checked only (`proven`): a subgroup check per point
 * would take hours on a large log, and a point outside the subgroup can only come from a ballot
 * whose proof fails, which fails the ballots check and so the audit. The election key is still
 * read in full, and must equal the anchored one.
 */
export function decodeEntries(bundle: AuditBundle): (EntryStatement | null)[] {
  const slots = sealedSlots(bundle.referendum.spec);
  return bundle.entries.map(({ entry }) => {
    const signals = entry.ballot.publicSignals;
    if (slots === null) return decodeBallotStatement(signals);
    return slots > 0 ? decodeSealedStatement(signals, slots, { proven: true }) : null;
  });
}

/**
 * @param proofs Whether each entry's proof verifies, in log order (false where it was not checked).
 */
export function checkBallots(
  bundle: AuditBundle,
  statements: readonly (EntryStatement | null)[],
  proofs: readonly boolean[],
): CheckResult {
  const check = new CheckBuilder("ballots", "Every ballot is for this referendum and its proof verifies");
  const context = contextOf(bundle.referendum.spec);
  let verified = 0;
  for (const { index, problem } of malformedIn(bundle, "entries"))
    check.fail(`log entry at position ${index} is not a ballot entry the audit can read (${problem})`);
  for (const [i, { entry, sequence }] of bundle.entries.entries()) {
    const problem = statementProblem(context, entry, statements[i] ?? null);
    if (problem) check.fail(`ballot #${sequence} ${problem}`);
    else if (proofs[i] === true) verified++;
    else check.fail(`ballot #${sequence}: its proof does not verify (tampered vote, signal or proof)`);
  }
  check.numbers.ballots = bundle.entries.length;
  check.numbers.proofsVerified = verified;
  return check.done(
    `${verified} of ${bundle.entries.length} proofs verify; roots, ids, rules and ` +
      (context.sealed ? "the anchored election key and option count match" : "unused slots match"),
  );
}

/** Which ballots share a nullifier, in log order, with the revisions their proofs bind. */
function revisionsByNullifier(bundle: AuditBundle, statements: readonly (EntryStatement | null)[]) {
  const byNullifier = new Map<bigint, { sequence: number; revision: number }[]>();
  bundle.entries.forEach(({ sequence }, i) => {
    const statement = statements[i];
    if (!statement) return;
    const list = byNullifier.get(statement.nullifier) ?? [];
    list.push({ sequence, revision: statement.revision });
    byNullifier.set(statement.nullifier, list);
  });
  return byNullifier;
}

/** Entries whose public signals repeat an earlier entry's: a copy (a re-randomised proof is still a copy). */
function copies(bundle: AuditBundle): { sequence: number; of: number }[] {
  const first = new Map<string, number>();
  const found: { sequence: number; of: number }[] = [];
  for (const { sequence, entry } of bundle.entries) {
    const signals = JSON.stringify(entry.ballot.publicSignals);
    const earlier = first.get(signals);
    if (earlier === undefined) first.set(signals, sequence);
    else found.push({ sequence, of: earlier });
  }
  return found;
}

export function checkNullifiers(bundle: AuditBundle, statements: readonly (EntryStatement | null)[]): CheckResult {
  const { revoting } = bundle.referendum.spec;
  const check = new CheckBuilder(
    "nullifiers",
    revoting ? "Each nullifier is counted once: its latest ballot" : "Each nullifier is counted once: its only ballot",
  );
  const byNullifier = revisionsByNullifier(bundle, statements);
  let revotes = 0;
  for (const [nullifier, ballots] of byNullifier) {
    const where = ballots.map((b) => `#${b.sequence}`).join(", ");
    const short = `${nullifier.toString().slice(0, 12)}...`;
    if (!revoting && ballots.length > 1) {
      check.fail(`nullifier ${short} has ${ballots.length} ballots (${where}) but re-voting is not allowed`);
      continue;
    }
    // Revisions 1..k in log order: the service takes only last + 1, so a gap, a repeat or a step
    // back is a ballot dropped, replayed or reordered, and the last one is the one counted.
    const revisions = ballots.map((b) => b.revision);
    if (revisions.some((revision, i) => revision !== i + 1))
      check.fail(
        `nullifier ${short} has revisions ${revisions.join(", ")} in log order (ballots ${where}), not 1..${ballots.length}`,
      );
    revotes += ballots.length - 1;
  }
  for (const { sequence, of } of copies(bundle))
    check.fail(`ballot #${sequence} repeats the public signals of ballot #${of}: a copy logged as a new ballot`);
  check.numbers.voters = byNullifier.size;
  check.numbers.revotes = revotes;
  return check.done(
    `${byNullifier.size} distinct nullifiers` + (revoting ? `, ${revotes} re-votes superseded` : ", none repeated"),
  );
}

/** The recount against the anchored tally: of the votes, or for sealed ballots of the trustees' decryption. */
export function checkTally(bundle: AuditBundle, statements: readonly (EntryStatement | null)[]): CheckResult {
  if (contextOf(bundle.referendum.spec).sealed)
    return checkSealedTally(
      bundle,
      statements.map((s) => (s && isSealedStatement(s) ? s : null)),
    );
  const check = new CheckBuilder("tally", "The recount and nullifier-set root equal the anchored tally");
  const anchored = bundle.anchors.tally;
  const countable = bundle.entries.filter((_, i) => statements[i] !== null);
  const recount = computeTally(countable);
  const finalHead = bundle.heads.reduce((max, head) => Math.max(max, head.treeSize), 0);
  check.numbers.counts = recount.counts.slice(0, bundle.referendum.spec.options.length).join(", ");
  check.numbers.nullifierSetRoot = recount.nullifierSetRoot;
  for (const { problem } of malformedIn(bundle, "tally"))
    check.fail(`the tally the service publishes cannot be read (${problem})`);
  if (!anchored) {
    check.fail(`no tally is anchored yet (state "${bundle.referendum.state}"): audit again once it is published`);
    return check.done("");
  }
  if (anchored.counts.join(",") !== recount.counts.join(","))
    check.fail(
      `the log counts [${recount.counts.join(", ")}] but the registry anchors [${anchored.counts.join(", ")}]`,
    );
  if (anchored.nullifierSetRoot !== `0x${recount.nullifierSetRoot}`)
    check.fail(
      `the counted nullifiers' root is ${recount.nullifierSetRoot}, the anchored one ${anchored.nullifierSetRoot.slice(2)}`,
    );
  if (anchored.logSize !== bundle.entries.length || anchored.logSize !== finalHead)
    check.fail(`the tally anchors a log of ${anchored.logSize} ballots; the log has ${bundle.entries.length}`);
  const served = bundle.tally;
  if (
    served &&
    (served.counts.join(",") !== recount.counts.join(",") || served.nullifierSetRoot !== recount.nullifierSetRoot)
  )
    check.fail("the tally the service publishes differs from the recount");
  return check.done(
    `counts [${check.numbers.counts}] over ${recount.voters} voters and the nullifier-set root equal the anchor`,
  );
}
