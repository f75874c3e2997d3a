/**
 * Ballot acceptance (protocol v1.1): a ballot is queued for the log, with a signed promise, iff the
 * referendum is open when it is stamped, the statement matches the spec, the proof verifies, and it
 * is revision last + 1 of its nullifier (1 for a first ballot; only 1 without re-voting).
 *
 * A ballot's identity is the hash of its public signals, not of its proof bytes: Groth16 proofs
 * are malleable, so anyone can re-randomise a logged proof, but not its signals. A copy is the same
 * ballot and gets the same receipt; an old revision replayed is refused because its (nullifier,
 * revision) slot is taken. The slot item holds the whole ballot and is claimed by one conditional
 * write, so no crash can leave a claimed revision without its ballot.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import {
  canonicalBytes,
  decodeBallotStatement,
  isWellFormedProof,
  VOTE_OPTIONS,
  type CircuitRules,
} from "../../protocol";
import { ballotSlotOf, decodeSealedStatement, sealedSlotsOf } from "../../protocol/sealed-statement";
import { electionKeyOf } from "../../protocol/sealed-tally";
import { BlingError } from "../api/errors";
import { entryLeafHash, signObject, type BallotEntry, type Receipt } from "../../protocol/log-objects";
import type { ReferendumSpec } from "../../protocol/spec";
import type { BallotSubmission } from "../../protocol/wire";
import type { NullifierStatus } from "../api/views";
import { numberField, stringField } from "./item-fields";
import { tableKeys } from "./table-keys";
import { ballotSlotCodec } from "./item-codecs";
import type { CoreDeps, TableItem } from "./ports";
import { isAccepting, referendumOf } from "./referendum-service";
import { inclusionFor } from "./ballot-log-table";

/** Hex SHA-256 of the canonical public signals: every copy of a ballot, however its proof was re-randomised, has this id. */
export function ballotIdOf(publicSignals: readonly string[]): string {
  return bytesToHex(sha256(canonicalBytes([...publicSignals])));
}

function checkRules(rules: CircuitRules, expected: CircuitRules): void {
  if (
    rules.maxValue !== expected.maxValue ||
    rules.minTotal !== expected.minTotal ||
    rules.maxTotal !== expected.maxTotal ||
    rules.costExponent !== expected.costExponent
  ) {
    throw new BlingError("BALLOT_RULES_MISMATCH");
  }
}

/**
 * The statement of a ballot, checked against the spec before any pairing: a public-vote ballot
 * (v1.1) or, for a referendum with trustees, a sealed one (v2) encrypted to the anchored key.
 */
function checkStatement(spec: ReferendumSpec, submission: BallotSubmission): { nullifier: bigint; revision: number } {
  if (!isWellFormedProof(submission.proof)) throw new BlingError("BALLOT_MALFORMED");
  const slots = sealedSlotsOf(spec.circuit.name);
  if (spec.trustees && slots !== null) {
    // Curve-checked only: the pairing below binds subgroup points (the circuit computes them), and
    // a subgroup check per point would cost the service more than the pairing itself.
    const statement = decodeSealedStatement(submission.publicSignals, slots, { proven: true });
    if (!statement) throw new BlingError("BALLOT_MALFORMED");
    if (statement.referendumId !== BigInt(spec.id)) throw new BlingError("BALLOT_REFERENDUM_MISMATCH");
    if (statement.censusRoot !== BigInt(spec.census.root)) throw new BlingError("BALLOT_CENSUS_ROOT_MISMATCH");
    if (!statement.electionKey.equals(electionKeyOf(spec.trustees))) throw new BlingError("BALLOT_KEY_MISMATCH");
    checkRules(statement.rules, spec.rules);
    // The proof binds the option count; it must be the referendum's, so unused slots are zero.
    if (statement.options !== spec.options.length) throw new BlingError("BALLOT_VOTES_INVALID");
    return statement;
  }
  const statement = decodeBallotStatement(submission.publicSignals);
  if (!statement) throw new BlingError("BALLOT_MALFORMED");
  if (statement.referendumId !== BigInt(spec.id)) throw new BlingError("BALLOT_REFERENDUM_MISMATCH");
  if (statement.censusRoot !== BigInt(spec.census.root)) throw new BlingError("BALLOT_CENSUS_ROOT_MISMATCH");
  checkRules(statement.rules, spec.rules);
  // The circuit has no option count: slots past the referendum's options are checked here.
  if (statement.votes.slice(spec.options.length, VOTE_OPTIONS).some((vote) => vote !== 0)) {
    throw new BlingError("BALLOT_VOTES_INVALID");
  }
  return statement;
}

/** The highest revision accepted for a nullifier (0 when none). */
export async function lastRevision(deps: CoreDeps, id: string, nullifier: string): Promise<number> {
  const [latest] = await deps.store.query(tableKeys.referendum(id), {
    prefix: tableKeys.revisionsOf(nullifier),
    limit: 1,
    descending: true,
  });
  return latest ? numberField(latest, "revision") : 0;
}

/** Why revision r of a nullifier cannot be taken: the stable code a voter's device acts on. */
async function revisionRefusal(deps: CoreDeps, spec: ReferendumSpec, nullifier: string): Promise<BlingError> {
  const last = await lastRevision(deps, spec.id, nullifier);
  if (!spec.revoting && last > 0) return new BlingError("BALLOT_NULLIFIER_USED");
  const next = spec.revoting ? last + 1 : 1;
  return new BlingError(
    "BALLOT_REVISION_CONFLICT",
    `This ballot is not the next one of its voter: the next revision is ${next}.`,
    [{ path: "publicSignals.revision", message: `expected revision ${next}` }],
  );
}

/** The pending marker the sequencer reads first (the sweep finds the ballot without it too). */
function queueItem(id: string, slot: TableItem): TableItem {
  return {
    pk: tableKeys.queue(id),
    sk: tableKeys.queued(numberField(slot, "receivedAt"), stringField(slot, "ballotId")),
    nullifier: stringField(slot, "nullifier"),
    revision: numberField(slot, "revision"),
  };
}

function indexItem(id: string, slot: TableItem): TableItem {
  return {
    pk: tableKeys.referendum(id),
    sk: tableKeys.ballot(stringField(slot, "ballotId")),
    nullifier: stringField(slot, "nullifier"),
    revision: numberField(slot, "revision"),
  };
}

/** A receipt from the stored ballot, with its inclusion proof once the log holds it. */
async function receiptOf(deps: CoreDeps, id: string, slot: TableItem): Promise<Receipt> {
  const { ballotId, entryHash, entry, promiseSignature, sequence } = ballotSlotCodec.fromItem(slot);
  const receipt: Receipt = {
    referendumId: id,
    ballotId,
    entryHash,
    entry,
    promise: { receivedAt: entry.receivedAt, signature: promiseSignature },
    status: "queued",
  };
  if (sequence === undefined) return receipt;
  const inclusion = await inclusionFor(deps, id, sequence);
  return inclusion ? { ...receipt, status: "integrated", sequence, inclusion } : receipt;
}

/** A stored ballot met again (a retry, or anyone's copy with another proof): the same receipt, re-queued if need be. */
async function answerAgain(deps: CoreDeps, id: string, slot: TableItem): Promise<Receipt> {
  if (typeof slot.sequence !== "number") await deps.store.putMany([indexItem(id, slot), queueItem(id, slot)]);
  return receiptOf(deps, id, slot);
}

/**
 * A ballot whose write landed after the log was sealed at close (its stamp was in time, its write
 * was not) is taken back before any receipt leaves: the sealed log is final. The seal is written
 * before its sweep and this check reads after the ballot's write, so a ballot is either in the
 * sealed log or withdrawn here, never neither.
 */
async function withdrawIfSealed(deps: CoreDeps, id: string, slot: TableItem): Promise<void> {
  const meta = await deps.store.get(tableKeys.referendum(id), tableKeys.referendumMeta);
  if (!meta || !referendumOf(meta).closing) return;
  const unlogged = { ballotId: stringField(slot, "ballotId"), sequence: null };
  if (!(await deps.store.delete(slot.pk, slot.sk, { match: unlogged }))) return;
  await Promise.all([
    deps.store.delete(tableKeys.referendum(id), tableKeys.ballot(stringField(slot, "ballotId"))),
    deps.store.delete(
      tableKeys.queue(id),
      tableKeys.queued(numberField(slot, "receivedAt"), stringField(slot, "ballotId")),
    ),
  ]);
  throw new BlingError("REFERENDUM_NOT_OPEN");
}

/**
 * Accepts a ballot (already parsed by the API schema).
 * @returns the receipt; the same one for a retried or copied submission.
 */
export async function acceptBallot(deps: CoreDeps, id: string, submission: BallotSubmission): Promise<Receipt> {
  const decoded = ballotSlotOf(submission.publicSignals);
  const ballotId = ballotIdOf(submission.publicSignals);
  const pk = tableKeys.referendum(id);
  const nullifier = decoded?.nullifier ?? "";
  const revision = decoded?.revision ?? 0;
  // One round trip for everything acceptance reads: the referendum, this revision's slot, the one before.
  const [meta, taken, previous] = await deps.store.getMany([
    { pk, sk: tableKeys.referendumMeta },
    ...(decoded ? [{ pk, sk: tableKeys.revision(nullifier, revision) }] : []),
    ...(decoded && revision > 1 ? [{ pk, sk: tableKeys.revision(nullifier, revision - 1) }] : []),
  ]);
  if (!meta) throw new BlingError("REFERENDUM_NOT_FOUND");
  const record = referendumOf(meta);
  // The same ballot again is answered whatever the clock says: it was accepted in time.
  if (taken?.ballotId === ballotId) return answerAgain(deps, id, taken);
  if (!record.spec || !isAccepting(record, deps.clock.now())) throw new BlingError("REFERENDUM_NOT_OPEN");
  const spec = record.spec;
  checkStatement(spec, submission);
  if (taken || (revision > 1 && (!previous || !spec.revoting))) throw await revisionRefusal(deps, spec, nullifier);

  if (!(await deps.verifier.verify(submission, spec.circuit.name))) throw new BlingError("BALLOT_PROOF_INVALID");

  // Hard close: the stamp itself must be before the close, however long verification took.
  const now = deps.clock.now();
  if (!isAccepting(record, now)) throw new BlingError("REFERENDUM_NOT_OPEN");
  // Whole seconds: the protocol needs no finer time (closesAt is in seconds), and a public
  // per-millisecond stamp would help link a ballot to a request in someone's network logs.
  const receivedAt = Math.floor(now / 1000);
  const entry: BallotEntry = { type: "bling.ballot.v1", referendumId: id, revision, receivedAt, ballot: submission };
  const entryHash = entryLeafHash(entry);
  const promiseSignature = signObject(
    { type: "bling.promise.v1", referendumId: id, entryHash, receivedAt },
    (message) => deps.signer.sign(message),
  );
  const slot = ballotSlotCodec.toItem(id, {
    ballotId,
    nullifier,
    revision,
    receivedAt,
    entryHash,
    entry,
    promiseSignature,
  });
  if (!(await deps.store.put(slot, { absent: true }))) {
    // Someone got this revision first: the same ballot (answer it) or another one (refuse).
    const winner = await deps.store.get(pk, slot.sk);
    if (winner?.ballotId === ballotId) return answerAgain(deps, id, winner);
    throw await revisionRefusal(deps, spec, nullifier);
  }
  // The receipt leaves only after the durable write and the seal check. The index and the queue
  // marker go in one batch: every store call costs the service CPU, and neither needs a condition.
  await Promise.all([deps.store.putMany([indexItem(id, slot), queueItem(id, slot)]), withdrawIfSealed(deps, id, slot)]);
  return receiptOf(deps, id, slot);
}

/** The current receipt of an accepted ballot. */
export async function getReceipt(deps: CoreDeps, id: string, ballotId: string): Promise<Receipt> {
  const index = await deps.store.get(tableKeys.referendum(id), tableKeys.ballot(ballotId));
  const slot =
    index &&
    (await deps.store.get(
      index.pk,
      tableKeys.revision(stringField(index, "nullifier"), numberField(index, "revision")),
    ));
  if (!slot || slot.ballotId !== ballotId) throw new BlingError("BALLOT_NOT_FOUND");
  return receiptOf(deps, id, slot);
}

/** Where a voter stands (public: a nullifier says nothing of who holds it): the last accepted revision and the next. */
export async function nullifierStatus(deps: CoreDeps, id: string, nullifier: string): Promise<NullifierStatus> {
  const meta = await deps.store.get(tableKeys.referendum(id), tableKeys.referendumMeta);
  const spec = meta && referendumOf(meta).spec;
  if (!spec) throw new BlingError("REFERENDUM_NOT_FOUND");
  const revision = await lastRevision(deps, id, nullifier);
  return { nullifier, revision, nextRevision: revision === 0 || spec.revoting ? revision + 1 : null };
}
