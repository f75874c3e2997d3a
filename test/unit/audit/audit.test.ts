import fc from "fast-check";
import { encodeBallotStatement, leafHash, padVotes, rootOf, yesNo, type Ballot } from "../../../protocol";
import { SIGNAL } from "../../../protocol/constants";
import { auditReferendum, type AuditDeps } from "../../../audit/audit";
import { parseBundle, type AuditBundle } from "../../../audit/bundle";
import { prefixRoots } from "../../../audit/log-checks";
import { formatReport, type AuditReport, type CheckId } from "../../../audit/report";
import { buildAuditBundle, type BundleOptions } from "../../fixtures/audit-bundle";
import { FUZZ_RUNS } from "../../fixtures/fuzz";

const REFERENDUM = 4242n;
const LEAVES = [11n, 22n, 33n, 44n, 55n];
const LOG_KEY = new Uint8Array(32).fill(7);
const CIRCUIT = { name: "vote_test", zkeySha256: "a".repeat(64) };
const ROOT = (() => buildAuditBundle(options([])).referendum.spec.census.root)();

function options(ballots: Ballot[], overrides: Partial<BundleOptions> = {}): BundleOptions {
  return {
    referendumId: REFERENDUM,
    censusLeaves: LEAVES,
    options: ["Yes", "No"],
    rules: yesNo(),
    revoting: true,
    ballots,
    circuit: CIRCUIT,
    logKey: LOG_KEY,
    checkpointSizes: [2, 4],
    ...overrides,
  };
}

/** Ballots the fake prover made: the fake verifier accepts exactly these, as a sound verifier would. */
const proved = new Set<string>();
const keyOf = (ballot: Ballot): string => JSON.stringify([ballot.proof, ballot.publicSignals]);

function ballot(nullifier: bigint, votes: number[], revision = 1): Ballot {
  const publicSignals = encodeBallotStatement({
    censusRoot: BigInt(ROOT),
    referendumId: REFERENDUM,
    nullifier,
    revision,
    votes: padVotes(votes),
    rules: yesNo(),
  });
  const tag = String(proved.size + 1);
  const made = {
    proof: {
      pi_a: [tag, "2", "1"],
      pi_b: [
        ["1", "0"],
        ["1", "0"],
        ["1", "0"],
      ],
      pi_c: ["3", tag, "1"],
      protocol: "groth16",
      curve: "bn128",
    },
    publicSignals,
  };
  proved.add(keyOf(made));
  return made;
}

const deps: AuditDeps = {
  circuit: { ...CIRCUIT, vkeySha256: "b".repeat(64), vkeyFileSha256: "b".repeat(64) },
  verifyProofs: (ballots) => Promise.resolve(ballots.map((b) => proved.has(keyOf(b)))),
};

/** An honest referendum: four voters, one re-vote. */
const HONEST = [
  ballot(101n, [1, 0]),
  ballot(102n, [0, 1]),
  ballot(103n, [1, 0]),
  ballot(101n, [0, 1], 2),
  ballot(104n, [0, 1]),
];

/** Anyone's copy of a ballot: the same public signals under another valid proof (Groth16 malleability). */
function copyOf(original: Ballot): Ballot {
  const copy = structuredClone(original);
  copy.proof.pi_c = ["3", `${original.proof.pi_c[1] ?? ""}9`, "1"];
  proved.add(keyOf(copy));
  return copy;
}

const clone = (bundle: AuditBundle): AuditBundle => structuredClone(bundle);

function failed(report: AuditReport): CheckId[] {
  return report.checks.filter((check) => !check.ok).map((check) => check.id);
}

function problemsOf(report: AuditReport, id: CheckId): string {
  return report.checks.find((check) => check.id === id)!.problems.join("\n");
}

describe("# auditReferendum", () => {
  it("should pass an honest referendum with every check and its numbers", async () => {
    const report = await auditReferendum(buildAuditBundle(options(HONEST)), deps);
    expect(failed(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.map((check) => check.id)).toEqual([
      "spec",
      "census",
      "circuit",
      "ballots",
      "nullifiers",
      "log",
      "checkpoints",
      "close",
      "tally",
    ]);
    const numbers = Object.fromEntries(report.checks.map((check) => [check.id, check.numbers]));
    expect(numbers.ballots).toMatchObject({ ballots: 5, proofsVerified: 5 });
    expect(numbers.nullifiers).toMatchObject({ voters: 4, revotes: 1 });
    expect(numbers.tally).toMatchObject({ counts: "1, 3" });
    expect(numbers.log).toMatchObject({ entries: 5, signedHeads: 3 });
    expect(formatReport(report)).toMatch(/Verdict: PASS \(9 checks\)/);
  });

  const cases: [string, (bundle: AuditBundle) => AuditBundle | Promise<AuditBundle>, CheckId, RegExp][] = [
    [
      "a dropped ballot",
      (b) => ({ ...b, entries: b.entries.filter((_, i) => i !== 2) }),
      "log",
      /final signed head covers 5 ballots but the log has 4/,
    ],
    [
      "a duplicated nullifier",
      () => buildAuditBundle(options([...HONEST.slice(0, 3), ballot(102n, [1, 0])], { revoting: false })),
      "nullifiers",
      /has 2 ballots \(#1, #3\) but re-voting is not allowed/,
    ],
    [
      "an altered vote (the service re-signed everything)",
      () => {
        const altered = {
          ...HONEST[1]!,
          publicSignals: HONEST[1]!.publicSignals.map((s, i) =>
            i === SIGNAL.vote ? "1" : i === SIGNAL.vote + 1 ? "0" : s,
          ),
        };
        return buildAuditBundle(options([HONEST[0]!, altered, ...HONEST.slice(2)]));
      },
      "ballots",
      /ballot #1: its proof does not verify/,
    ],
    [
      "a forged head",
      (b) => {
        const forged = clone(b);
        forged.heads[1]!.signature = forged.heads[1]!.signature.replace(/^./, (c) => (c === "0" ? "1" : "0"));
        return forged;
      },
      "log",
      /signed head of size 4: its signature does not verify/,
    ],
    [
      "a log that rewrote history after a checkpoint",
      (b) => {
        const rewritten = buildAuditBundle(options([HONEST[1]!, HONEST[0]!, ...HONEST.slice(2)]));
        return { ...rewritten, anchors: { ...rewritten.anchors, checkpoints: b.anchors.checkpoints } };
      },
      "checkpoints",
      /checkpoint #0 anchors root [0-9a-f]+ at size 2, but the log's first 2 entries rebuild [0-9a-f]+: the log rewrote history/,
    ],
    [
      "a tally that does not match",
      (b) => {
        const t = clone(b);
        t.anchors.tally!.counts[0] = "2";
        return t;
      },
      "tally",
      /the log counts \[1, 3, 0, 0, 0, 0, 0, 0\] but the registry anchors \[2, 3/,
    ],
    [
      "a census with an extra member",
      (b) => ({ ...b, census: { leaves: [...b.census.leaves, "66"] } }),
      "census",
      /the census has 6 members but the spec froze 5[\s\S]*rebuild root \d+, not the anchored/,
    ],
    [
      "a spec changed after anchoring",
      (b) => {
        const changed = clone(b);
        changed.referendum.spec.title = "A better question";
        return changed;
      },
      "spec",
      /the spec hashes to [0-9a-f]{64} but the registry anchors [0-9a-f]{64}: it changed/,
    ],
  ];

  it.each(cases)("should catch %s in its own check, with a clear message", async (_name, tamper, id, message) => {
    const report = await auditReferendum(await tamper(buildAuditBundle(options(HONEST))), deps);
    expect(report.ok).toBe(false);
    expect(failed(report)).toContain(id);
    expect(problemsOf(report, id)).toMatch(message);
    expect(formatReport(report)).toMatch(/FAIL {2}.*\n[\s\S]*Verdict: FAIL/);
  });

  it("should fail the tally check until a tally is anchored, and an unanchored referendum in the spec check", async () => {
    const open = await auditReferendum(buildAuditBundle(options(HONEST, { tallied: false })), deps);
    expect(failed(open)).toEqual(["close", "tally"]);
    expect(problemsOf(open, "close")).toMatch(/not finished yet: no closing checkpoint is anchored/);
    expect(problemsOf(open, "tally")).toMatch(/no tally is anchored yet \(state "open"\)/);
    const bundle = buildAuditBundle(options(HONEST));
    const unanchored = await auditReferendum({ ...bundle, anchors: { ...bundle.anchors, referendum: null } }, deps);
    expect(problemsOf(unanchored, "spec")).toMatch(/is not anchored in registry/);
  });

  it("should name ballots for another referendum, census, rules or option, and another key's artifacts", async () => {
    const good = HONEST[0]!;
    const swap = (index: number, value: string): Ballot => ({
      ...good,
      publicSignals: good.publicSignals.map((s, i) => (i === index ? value : s)),
    });
    const bundle = buildAuditBundle(
      options([
        good,
        swap(SIGNAL.referendumId, "7"),
        swap(SIGNAL.censusRoot, "9"),
        swap(SIGNAL.maxTotal, "2"),
        swap(SIGNAL.vote + 2, "1"),
        { ...good, publicSignals: ["x"] },
      ]),
    );
    const report = await auditReferendum(bundle, {
      ...deps,
      circuit: {
        name: "other",
        zkeySha256: "c".repeat(64),
        vkeySha256: "b".repeat(64),
        vkeyFileSha256: "d".repeat(64),
      },
    });
    const ballots = problemsOf(report, "ballots");
    expect(ballots).toMatch(/#1 is for referendum 7/);
    expect(ballots).toMatch(/#2 proves membership of census root 9/);
    expect(ballots).toMatch(/#3 carries other rules/);
    expect(ballots).toMatch(/#4 votes for option 2, which the referendum does not have/);
    expect(ballots).toMatch(/#5 has public signals that are not canonical/);
    expect(problemsOf(report, "circuit")).toMatch(/the spec's circuit is vote_test; this auditor has other/);
    expect(problemsOf(report, "circuit")).toMatch(/verification key hashes to d+, the manifest says b+/);
  });

  it("should catch a malleated copy of a superseded ballot logged as the voter's newest", async () => {
    const report = await auditReferendum(buildAuditBundle(options([...HONEST, copyOf(HONEST[0]!)])), deps);
    expect(failed(report)).toEqual(["nullifiers"]);
    const problems = problemsOf(report, "nullifiers");
    expect(problems).toMatch(/has revisions 1, 2, 1 in log order \(ballots #0, #3, #5\), not 1..3/);
    expect(problems).toMatch(/ballot #5 repeats the public signals of ballot #0: a copy logged as a new ballot/);
  });

  it("should catch a revision the log skipped, and revisions out of log order", async () => {
    const skipped = await auditReferendum(
      buildAuditBundle(options([ballot(101n, [1, 0]), ballot(101n, [0, 1], 3)])),
      deps,
    );
    expect(problemsOf(skipped, "nullifiers")).toMatch(/has revisions 1, 3 in log order/);
    const reordered = await auditReferendum(
      buildAuditBundle(options([ballot(101n, [0, 1], 2), ballot(101n, [1, 0])])),
      deps,
    );
    expect(problemsOf(reordered, "nullifiers")).toMatch(/has revisions 2, 1 in log order/);
  });

  it("should refuse an entry whose revision is not the one its proof binds", async () => {
    const bundle = clone(buildAuditBundle(options(HONEST)));
    bundle.entries[3]!.entry.revision = 1;
    const report = await auditReferendum(bundle, deps);
    expect(problemsOf(report, "ballots")).toMatch(/#3 is logged as revision 1 but its proof binds revision 2/);
  });
});

describe("# prefixRoots", () => {
  it("[fuzz] should equal the RFC 6962 root of every prefix", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 70 }), (n) => {
        const leaves = Array.from({ length: n }, (_, i) => leafHash(new Uint8Array([i, i >> 8])));
        const sizes = Array.from({ length: n + 1 }, (_, i) => i);
        const roots = prefixRoots(leaves, sizes);
        for (const size of sizes)
          expect(roots.get(size)).toBe(Buffer.from(rootOf(leaves.slice(0, size))).toString("hex"));
      }),
      { numRuns: Math.min(FUZZ_RUNS, 30) },
    );
  });
});

describe("# parseBundle", () => {
  it("should name the first bad field of a malformed bundle, and set a malformed item aside for its check", () => {
    const bundle = buildAuditBundle(options(HONEST));
    expect(parseBundle(JSON.parse(JSON.stringify(bundle)), "dump")).toEqual(bundle);
    expect(() => parseBundle({ ...bundle, format: "other" }, "dump")).toThrow(/^dump: format:/);
    expect(parseBundle({ ...bundle, entries: [{ sequence: -1 }] }, "dump").malformed).toMatchObject([
      { part: "entries", index: 0, problem: /^sequence: / },
    ]);
    expect(() => parseBundle(null, "x")).toThrow(/^x: \(root\)/);
  });
});
