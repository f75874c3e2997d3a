/**
 * Ballot acceptance: a ballot is queued for the log, with a signed promise, iff the referendum is
 * open, the statement matches its spec, the proof verifies and the nullifier is new (or, with
 * re-voting, the ballot becomes its next revision). A retried submission gets the same receipt.
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex } from "@noble/hashes/utils";
import {
  canonicalBytes,
  decodeBallotStatement,
  isWellFormedProof,
  VOTE_OPTIONS,
  type BallotStatement,
  type JsonValue,
} from "../../circuits/src";
import { BlingError } from "../api/errors";
import { entryLeafHash, signObject, type BallotEntry, type Receipt } from "../api/log-objects";
import type { BallotSubmission, ReferendumSpec } from "../api/schemas";
import { keys } from "./keys";
import type { CoreDeps, TableItem } from "./ports";
import { isAccepting, referendumOf } from "./referendum-service";
import { inclusionFor } from "./transparency-log-store";
import { count, text } from "./item-fields";

const MAX_CLAIM_ATTEMPTS = 100;

/** Hex SHA-256 of a submission's canonical bytes: the same ballot always has the same id. */
export function ballotIdOf(submission: BallotSubmission): string {
  return bytesToHex(sha256(canonicalBytes(submission)));
}

function checkStatement(spec: ReferendumSpec, submission: BallotSubmission, statement: BallotStatement | null): string {
  if (!statement || !isWellFormedProof(submission.proof)) throw new BlingError("BALLOT_MALFORMED");
  if (statement.referendumId !== BigInt(spec.id)) throw new BlingError("BALLOT_REFERENDUM_MISMATCH");
  if (statement.censusRoot !== BigInt(spec.census.root)) throw new BlingError("BALLOT_CENSUS_ROOT_MISMATCH");
  const { rules } = statement;
  const expected = spec.rules;
  if (
    rules.maxValue !== expected.maxValue ||
    rules.minTotal !== expected.minTotal ||
    rules.maxTotal !== expected.maxTotal ||
    rules.costExponent !== expected.costExponent
  ) {
    throw new BlingError("BALLOT_RULES_MISMATCH");
  }
  // The circuit has no option count: slots past the referendum's options are checked here.
  if (statement.votes.slice(spec.options.length, VOTE_OPTIONS).some((vote) => vote !== 0)) {
    throw new BlingError("BALLOT_VOTES_INVALID");
  }
  return statement.nullifier.toString();
}

/**
 * Takes the nullifier for this ballot and returns its revision (1 for a first ballot). Every step
 * is one conditional write, so concurrent ballots of one nullifier get distinct revisions, or
 * exactly one wins when re-voting is off.
 */
async function claimNullifier(
  deps: CoreDeps,
  spec: ReferendumSpec,
  nullifier: string,
  ballotId: string,
  alreadyRead: TableItem | null,
): Promise<number> {
  const pk = keys.referendum(spec.id);
  const sk = keys.nullifier(nullifier);
  for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
    // The first attempt trusts the item read with the referendum; the conditional write catches a change.
    const current = attempt === 0 ? alreadyRead : await deps.store.get(pk, sk);
    if (!current) {
      if (await deps.store.put({ pk, sk, revision: 1, ballotId }, { absent: true })) return 1;
      continue;
    }
    // The same ballot retried after a crash keeps the revision it claimed.
    if (current.ballotId === ballotId) return count(current, "revision");
    if (!spec.revoting) throw new BlingError("BALLOT_NULLIFIER_USED");
    const revision = count(current, "revision") + 1;
    if (await deps.store.put({ pk, sk, revision, ballotId }, { match: { revision: current.revision ?? null } })) {
      return revision;
    }
  }
  throw new BlingError("BUSY");
}

function queueItem(id: string, ballot: TableItem): TableItem {
  return {
    pk: keys.queue(id),
    sk: keys.queued(count(ballot, "receivedAt"), text(ballot, "ballotId")),
    ballotId: ballot.ballotId ?? null,
  };
}

/** A receipt from the stored ballot, with its inclusion proof once the log holds it. */
async function receiptOf(deps: CoreDeps, id: string, ballot: TableItem): Promise<Receipt> {
  const entry = ballot.entry as unknown as BallotEntry;
  const receipt: Receipt = {
    referendumId: id,
    ballotId: text(ballot, "ballotId"),
    entryHash: text(ballot, "entryHash"),
    entry,
    promise: { receivedAt: entry.receivedAt, signature: text(ballot, "promiseSignature") },
    status: "queued",
  };
  if (typeof ballot.sequence !== "number") return receipt;
  const inclusion = await inclusionFor(deps, id, ballot.sequence);
  return inclusion ? { ...receipt, status: "integrated", sequence: ballot.sequence, inclusion } : receipt;
}

/**
 * Accepts a ballot (already parsed by the API schema).
 * @returns the receipt; the same one for a retried submission.
 */
export async function acceptBallot(deps: CoreDeps, id: string, submission: BallotSubmission): Promise<Receipt> {
  const statement = decodeBallotStatement(submission.publicSignals);
  const ballotId = ballotIdOf(submission);
  const pk = keys.referendum(id);
  // One round trip for everything acceptance reads: the referendum, this ballot, its nullifier.
  const [meta, existing, claimed] = await deps.store.getMany([
    { pk, sk: keys.referendumMeta },
    { pk, sk: keys.ballot(ballotId) },
    ...(statement ? [{ pk, sk: keys.nullifier(statement.nullifier.toString()) }] : []),
  ]);
  if (!meta) throw new BlingError("REFERENDUM_NOT_FOUND");
  const record = referendumOf(meta);
  if (!record.spec || !isAccepting(record, deps.clock.now())) throw new BlingError("REFERENDUM_NOT_OPEN");
  const spec = record.spec;
  const nullifier = checkStatement(spec, submission, statement);

  if (existing) {
    // A retry: make sure it is queued (the first attempt may have stopped before), and answer the same.
    if (typeof existing.sequence !== "number") await deps.store.put(queueItem(id, existing));
    return receiptOf(deps, id, existing);
  }
  if (!(await deps.verifier.verify(submission))) throw new BlingError("BALLOT_PROOF_INVALID");
  const revision = await claimNullifier(deps, spec, nullifier, ballotId, claimed ?? null);

  // Whole seconds: the protocol needs no finer time (closesAt is in seconds), and a public
  // per-millisecond stamp would help link a ballot to a request in someone's network logs.
  const receivedAt = Math.floor(deps.clock.now() / 1000);
  const entry: BallotEntry = { type: "bling.ballot.v1", referendumId: id, revision, receivedAt, ballot: submission };
  const entryHash = entryLeafHash(entry);
  const promiseSignature = signObject(
    { type: "bling.promise.v1", referendumId: id, entryHash, receivedAt },
    (message) => deps.signer.sign(message),
  );
  const ballot: TableItem = {
    pk,
    sk: keys.ballot(ballotId),
    ballotId,
    nullifier,
    revision,
    receivedAt,
    entryHash,
    entry: entry as unknown as JsonValue,
    promiseSignature,
  };
  if (!(await deps.store.put(ballot, { absent: true }))) {
    // The same ballot, submitted concurrently, got there first: answer with its receipt.
    const winner = await deps.store.get(pk, keys.ballot(ballotId));
    if (winner) return receiptOf(deps, id, winner);
    throw new BlingError("BUSY");
  }
  // The receipt is returned only after both durable writes.
  await deps.store.put(queueItem(id, ballot));
  return receiptOf(deps, id, ballot);
}

/** The current receipt of an accepted ballot. */
export async function getReceipt(deps: CoreDeps, id: string, ballotId: string): Promise<Receipt> {
  const ballot = await deps.store.get(keys.referendum(id), keys.ballot(ballotId));
  if (!ballot) throw new BlingError("BALLOT_NOT_FOUND");
  return receiptOf(deps, id, ballot);
}
