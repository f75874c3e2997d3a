/** `bling verify --receipts`: a signed promise whose entry the log lacks, or merged late, is evidence. */
import { ed25519 } from "@noble/curves/ed25519.js";
import { yesNo, type Ballot } from "../../../protocol";
import { checkReceipts, promiseOf, type ReceiptFile } from "../../../audit/receipt-checks";
import { entryLeafHash, signObject, type BallotEntry, type BallotPromise } from "../../../protocol/log-objects";
import { buildAuditBundle, unprovedBallot, type BundleOptions } from "../../fixtures/audit-bundle";

const LOG_KEY = new Uint8Array(32).fill(7);
const REFERENDUM = 4242n;

const ballot = (nullifier: bigint, votes: number[]): Ballot => unprovedBallot(REFERENDUM, nullifier, votes);

const options = (ballots: Ballot[], overrides: Partial<BundleOptions> = {}): BundleOptions => ({
  referendumId: REFERENDUM,
  censusLeaves: [11n, 22n],
  options: ["Yes", "No"],
  rules: yesNo(),
  revoting: true,
  ballots,
  circuit: { name: "vote_test", zkeySha256: "a".repeat(64) },
  logKey: LOG_KEY,
  ...overrides,
});

/** The receipt the service handed out for an entry: a promise signed with the log key. */
function receiptFor(entry: BallotEntry, key = LOG_KEY): ReceiptFile {
  const promise: BallotPromise = {
    type: "bling.promise.v1",
    referendumId: entry.referendumId,
    entryHash: entryLeafHash(entry),
    receivedAt: entry.receivedAt,
  };
  const signature = signObject(promise, (message) => ed25519.sign(message, key));
  return {
    source: `receipt-${entry.receivedAt}.json`,
    content: {
      referendumId: promise.referendumId,
      entryHash: promise.entryHash,
      entry,
      promise: { receivedAt: promise.receivedAt, signature },
    },
  };
}

const logged = [ballot(1n, [1, 0]), ballot(2n, [0, 1])];
const entryOf = (b: Ballot, receivedAt: number): BallotEntry => ({
  type: "bling.ballot.v1",
  referendumId: REFERENDUM.toString(),
  revision: 1,
  receivedAt,
  ballot: { proof: b.proof, publicSignals: b.publicSignals } as BallotEntry["ballot"],
});

describe("# receipts against the log", () => {
  it("should pass every promise whose entry the log holds in time", () => {
    const bundle = buildAuditBundle(options(logged));
    const files = bundle.entries.map(({ entry }) => receiptFor(entry));
    const check = checkReceipts(bundle, files);
    expect(check.ok).toBe(true);
    expect(check.numbers).toMatchObject({ receipts: 2, merged: 2, pending: 0, ignored: 0 });
  });

  it("[attack: dropped ballot] should FAIL a signed promise whose entry is not in the final log, naming it as evidence", () => {
    // The operator deleted the third ballot before it was logged; the voter kept its receipt.
    const dropped = entryOf(ballot(3n, [1, 0]), 1_700_000_010);
    const bundle = buildAuditBundle(options(logged));
    const check = checkReceipts(bundle, [...bundle.entries.map(({ entry }) => receiptFor(entry)), receiptFor(dropped)]);
    expect(check.ok).toBe(false);
    expect(check.problems.join("\n")).toMatch(
      /receipt-1700000010\.json .*: the service signed this promise but the entry is not in the final log: evidence that it accepted the ballot and dropped it/,
    );
  });

  it("[attack: delayed ballot] should FAIL an entry merged later than the maximum merge delay, and a missing one once overdue", () => {
    const bundle = buildAuditBundle(options(logged));
    // Stamped long before the head that first holds it: 600 s is the spec's MMD.
    const late = structuredClone(bundle);
    late.entries[1]!.entry.receivedAt = 1_699_990_000;
    const early = { ...late.entries[1]!.entry };
    late.entries[1]!.entryHash = entryLeafHash(early);
    expect(checkReceipts(late, [receiptFor(early)]).problems.join("\n")).toMatch(
      /merged at #1 only by the head of \d+, past the deadline 1699990600/,
    );

    const open = buildAuditBundle(options(logged, { tallied: false, closed: false }));
    const missing = entryOf(ballot(3n, [1, 0]), open.referendum.spec.opensAt);
    const overdue = checkReceipts(open, [receiptFor(missing)]);
    expect(overdue.problems.join("\n")).toMatch(/not in the log 600 s after it was received/);
    const recent = entryOf(ballot(3n, [1, 0]), open.anchors.chainTime! - 10);
    expect(checkReceipts(open, [receiptFor(recent)])).toMatchObject({ ok: true, numbers: { pending: 1 } });
  });

  it("should ignore files that are not this log's signed promises, and read promise files too", () => {
    const bundle = buildAuditBundle(options(logged));
    const [entry] = bundle.entries.map((e) => e.entry);
    const forged = receiptFor(entryOf(ballot(9n, [1, 0]), 1_700_000_000), new Uint8Array(32).fill(8));
    const check = checkReceipts(bundle, [forged, { source: "junk.json", content: { hello: 1 } }]);
    expect(check).toMatchObject({ ok: true, numbers: { ignored: 2 } });
    const { content } = receiptFor(entry!);
    const { promise, referendumId, entryHash } = content as {
      promise: { receivedAt: number; signature: string };
      referendumId: string;
      entryHash: string;
    };
    const promiseFile = { type: "bling.promise.v1", referendumId, entryHash, ...promise };
    expect(promiseOf(promiseFile)).toMatchObject({ entryHash, receivedAt: promise.receivedAt });
    expect(checkReceipts(bundle, [{ source: "promise.json", content: promiseFile }]).numbers.merged).toBe(1);
  });
  it("should read a receipt with fields it does not know, and hold it to its signed parts only", () => {
    const bundle = buildAuditBundle(options(logged));
    const { content } = receiptFor(bundle.entries[0]!.entry);
    const extended = {
      ...(content as Record<string, unknown>),
      ballotId: "b".repeat(64),
      status: "queued",
      savedBy: "receipt page v9",
      promise: { ...(content as { promise: object }).promise, device: "phone" },
    };
    expect(promiseOf(extended)).not.toHaveProperty("savedBy");
    const check = checkReceipts(bundle, [{ source: "extended.json", content: extended }]);
    expect(check).toMatchObject({ ok: true, numbers: { merged: 1, ignored: 0 } });
    // Extra keys are no way around the signature: a changed signed field is still not the service's word.
    const altered = { ...extended, promise: { ...extended.promise, receivedAt: 1 } };
    expect(checkReceipts(bundle, [{ source: "altered.json", content: altered }]).numbers).toMatchObject({
      merged: 0,
      ignored: 1,
    });
  });
});
