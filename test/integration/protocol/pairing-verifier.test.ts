import fc from "fast-check";
import * as mcl from "mcl-wasm";
import { loadArtifacts, type LoadedArtifacts } from "../../../protocol/artifacts.node";
import { proveBallot, type Ballot } from "../../../protocol/ballot";
import { generateCensusProof } from "../../../protocol/census";
import { BASE_FIELD_SIZE, PUBLIC_SIGNAL_COUNT, SIGNAL, SNARK_FIELD_SIZE } from "../../../protocol/constants";
import {
  createBatchPairingVerifier,
  createPairingVerifier,
  isInG2Subgroup,
  type BallotCheck,
} from "../../../protocol/pairing-verifier";
import { createBatchVerifierPool } from "../../../protocol/verifier-pool.node";
import { padVotes, quadratic, yesNo } from "../../../protocol/rules";
import { releaseProverThreads, verifyBallot } from "../../../protocol/verify";
import { censusOf, REFERENDUM_ID } from "../../fixtures/ballot-fixtures";
import { FUZZ_RUNS } from "../../fixtures/fuzz";
import { rerandomizer } from "../../fixtures/rerandomize";

let artifacts: LoadedArtifacts;
let check: BallotCheck;
let yesNoBallot: Ballot;
let quadraticBallot: Ballot;

const { voters, census } = censusOf(5, "pairing");

beforeAll(async () => {
  artifacts = await loadArtifacts();
  check = await createPairingVerifier(artifacts.vkey);
  const prove = (i: number, votes: number[], rules: Parameters<typeof proveBallot>[4]) =>
    proveBallot(voters[i]!, generateCensusProof(census, voters[i]!.commitment), REFERENDUM_ID, votes, rules, artifacts);
  yesNoBallot = await prove(1, padVotes([0, 1]), yesNo());
  quadraticBallot = await prove(3, padVotes([3, 0, 1, 2]), quadratic(4, 16));
});

afterAll(async () => {
  await releaseProverThreads();
});

const withSignal = (ballot: Ballot, index: number, value: string): Ballot => ({
  proof: ballot.proof,
  publicSignals: ballot.publicSignals.map((s, i) => (i === index ? value : s)),
});

const withProof = (ballot: Ballot, change: Partial<Ballot["proof"]>): Ballot => ({
  publicSignals: ballot.publicSignals,
  proof: { ...ballot.proof, ...change },
});

/** A point on the G2 twist outside the prime-order subgroup (the twist's cofactor is not 1). */
function pointOutsideG2Subgroup(): string[][] {
  const xi = new mcl.Fp2();
  xi.setStr("9 1", 10);
  const three = new mcl.Fp2();
  three.setStr("3 0", 10);
  const b = mcl.div(three, xi);
  for (let i = 1; ; i++) {
    const x = new mcl.Fp2();
    x.setStr(`${i} 1`, 10);
    const [ok, y] = mcl.squareRoot(mcl.add(mcl.mul(mcl.mul(x, x), x), b));
    if (!ok) continue;
    const [x0, x1] = x.getStr(10).split(" ");
    const [y0, y1] = y.getStr(10).split(" ");
    const point = new mcl.G2();
    // The verifiers leave mcl's own G2 order check off (they test membership themselves).
    mcl.verifyOrderG2(false);
    point.setStr(`1 ${x0} ${x1} ${y0} ${y1}`, 10);
    if (point.isValidOrder()) continue;
    return [
      [x0!, x1!],
      [y0!, y1!],
      ["1", "0"],
    ];
  }
}

/** Tampered variants of a real ballot, each refused by snarkjs (the first test below holds that). */
function tamperedCases(): Record<string, Ballot> {
  const { pi_a, pi_b, pi_c } = yesNoBallot.proof;
  const [bx, by, bz] = pi_b as [string[], string[], string[]];
  return {
    "another vote": withSignal(yesNoBallot, SIGNAL.vote, "1"),
    "another nullifier": withSignal(yesNoBallot, SIGNAL.nullifier, "12345"),
    "another referendum": withSignal(yesNoBallot, SIGNAL.referendumId, "7"),
    "another root": withSignal(yesNoBallot, SIGNAL.censusRoot, "7"),
    "other rules": withSignal(yesNoBallot, SIGNAL.maxTotal, "2"),
    "signals of another ballot": { proof: yesNoBallot.proof, publicSignals: quadraticBallot.publicSignals },
    "A and C swapped": withProof(yesNoBallot, { pi_a: pi_c, pi_c: pi_a }),
    "A negated": withProof(yesNoBallot, {
      pi_a: [pi_a[0]!, String(BASE_FIELD_SIZE - BigInt(pi_a[1]!)), "1"],
    }),
    "A off the curve": withProof(yesNoBallot, { pi_a: [pi_a[0]!, String(BigInt(pi_a[1]!) + 1n), "1"] }),
    "A not normalised": withProof(yesNoBallot, { pi_a: [pi_a[0]!, pi_a[1]!, "2"] }),
    "A at infinity": withProof(yesNoBallot, { pi_a: ["0", "1", "0"] }),
    "B with real and imaginary parts swapped": withProof(yesNoBallot, {
      pi_b: [[bx[1]!, bx[0]!], [by[1]!, by[0]!], bz],
    }),
    "B outside the G2 subgroup": withProof(yesNoBallot, { pi_b: pointOutsideG2Subgroup() }),
    "B not normalised": withProof(yesNoBallot, { pi_b: [bx, by, ["2", "0"]] }),
    "a signal missing": { proof: yesNoBallot.proof, publicSignals: yesNoBallot.publicSignals.slice(1) },
    "a signal not canonical": withSignal(
      yesNoBallot,
      SIGNAL.nullifier,
      `0${yesNoBallot.publicSignals[SIGNAL.nullifier]}`,
    ),
    "a signal past the field": withSignal(yesNoBallot, SIGNAL.nullifier, String(SNARK_FIELD_SIZE)),
  };
}

describe("# createPairingVerifier (mcl) agrees with snarkjs", () => {
  it("should accept real ballots of two presets", async () => {
    for (const ballot of [yesNoBallot, quadraticBallot]) {
      expect(check(ballot)).toBe(true);
      expect(await verifyBallot(artifacts.vkey, ballot)).toBe(true);
    }
  });

  it("should reject every tampered ballot snarkjs rejects", async () => {
    const cases = tamperedCases();
    for (const [name, ballot] of Object.entries(cases)) {
      expect([name, check(ballot)]).toEqual([name, false]);
      expect([name, await verifyBallot(artifacts.vkey, ballot)]).toEqual([name, false]);
    }
  });

  it("should accept re-randomised copies of a proof, as snarkjs does: a ballot's id is not its nullifier", async () => {
    const rerandomize = await rerandomizer(artifacts.vkey);
    const copies = [1, 2, 3].map((i) => rerandomize(quadraticBallot, i));
    expect(new Set(copies.map((c) => c.proof.pi_a[0])).size).toBe(3);
    for (const copy of copies) {
      expect(copy.proof.pi_a).not.toEqual(quadraticBallot.proof.pi_a);
      expect(check(copy)).toBe(true);
      expect(await verifyBallot(artifacts.vkey, copy)).toBe(true);
    }
  });

  it("should answer false, never throw, for anything that arrived", () => {
    for (const junk of [null, undefined, 1, "ballot", [], {}, { proof: {}, publicSignals: [] }]) {
      expect(check(junk)).toBe(false);
    }
  });

  it("[fuzz] should agree with snarkjs on ballots with one public signal changed", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: PUBLIC_SIGNAL_COUNT - 1 }),
        fc.bigInt({ min: 0n, max: SNARK_FIELD_SIZE - 1n }),
        async (index, value) => {
          const ballot = withSignal(quadraticBallot, index, value.toString());
          expect(check(ballot)).toBe(await verifyBallot(artifacts.vkey, ballot));
        },
      ),
      { numRuns: Math.min(FUZZ_RUNS, 200) },
    );
  });

  it("should test G2 subgroup membership exactly as mcl's multiplication by r does", () => {
    mcl.verifyOrderG2(false);
    const seen = { inside: 0, outside: 0 };
    for (let i = 1; i <= 60; i++) {
      const x = new mcl.Fp2();
      x.setStr(`${i} ${i * 7 + 1}`, 10);
      const xi = new mcl.Fp2();
      xi.setStr("9 1", 10);
      const three = new mcl.Fp2();
      three.setStr("3 0", 10);
      const [ok, y] = mcl.squareRoot(mcl.add(mcl.mul(mcl.mul(x, x), x), mcl.div(three, xi)));
      if (!ok) continue;
      const onTwist = new mcl.G2();
      onTwist.setStr(`1 ${x.getStr(10)} ${y.getStr(10)}`, 10);
      const inside = mcl.hashAndMapToG2(`point ${i}`);
      inside.normalize();
      for (const point of [onTwist, inside]) {
        const expected = point.isValidOrder();
        expect(isInG2Subgroup(point)).toBe(expected);
        seen[expected ? "inside" : "outside"]++;
      }
    }
    expect(seen.inside).toBeGreaterThan(20);
    expect(seen.outside).toBeGreaterThan(10);
  });

  it("should refuse a key that is not the ballot circuit's", async () => {
    await expect(createPairingVerifier({ ...artifacts.vkey, IC: [] })).rejects.toThrow("ballot circuit");
    await expect(createPairingVerifier({ ...artifacts.vkey, curve: "bls12381" })).rejects.toThrow("ballot circuit");
  });
});

/** C moved by +P and by -P: two bad proofs whose errors cancel in an unweighted sum. */
function cancellingPair(ballot: Ballot): [Ballot, Ballot] {
  const c = new mcl.G1();
  c.setStr(`1 ${ballot.proof.pi_c[0]} ${ballot.proof.pi_c[1]}`, 10);
  const shift = mcl.hashAndMapToG1("bling batch test");
  const affine = (point: mcl.G1): string[] => {
    point.normalize();
    const [, x, y] = point.getStr(10).split(" ");
    return [x!, y!, "1"];
  };
  return [
    withProof(ballot, { pi_c: affine(mcl.add(c, shift)) }),
    withProof(ballot, { pi_c: affine(mcl.sub(c, shift)) }),
  ];
}

describe("# createBatchPairingVerifier gives one-by-one answers", () => {
  it("should accept a batch of valid ballots and answer an empty batch", async () => {
    const batch = await createBatchPairingVerifier(artifacts.vkey);
    const rerandomize = await rerandomizer(artifacts.vkey);
    const ballots = Array.from({ length: 24 }, (_, i) => rerandomize(i % 2 ? yesNoBallot : quadraticBallot, i + 1));
    expect(batch(ballots)).toEqual(ballots.map(() => true));
    expect(batch([])).toEqual([]);
  });

  it("should name exactly the bad ballots of a batch, junk included", async () => {
    const batch = await createBatchPairingVerifier(artifacts.vkey);
    const tampered = Object.values(tamperedCases());
    const ballots = [yesNoBallot, ...tampered, quadraticBallot, null, { proof: {} }, yesNoBallot];
    expect(batch(ballots)).toEqual([true, ...tampered.map(() => false), true, false, false, true]);
  });

  it("should refuse two bad proofs whose errors cancel without random weights", async () => {
    const batch = await createBatchPairingVerifier(artifacts.vkey);
    const [plus, minus] = cancellingPair(quadraticBallot);
    expect(await verifyBallot(artifacts.vkey, plus)).toBe(false);
    expect(await verifyBallot(artifacts.vkey, minus)).toBe(false);
    expect(batch([plus, minus])).toEqual([false, false]);
    expect(batch([yesNoBallot, plus, quadraticBallot, minus])).toEqual([true, false, true, false]);
  });

  it("[fuzz] should agree with snarkjs and the one-by-one verifier on random mixes of valid and tampered ballots", async () => {
    const batch = await createBatchPairingVerifier(artifacts.vkey);
    const rerandomize = await rerandomizer(artifacts.vkey);
    const valid = Array.from({ length: 8 }, (_, i) => rerandomize(i % 2 ? yesNoBallot : quadraticBallot, i + 1));
    const bad = [...Object.values(tamperedCases()), ...cancellingPair(yesNoBallot)];
    // snarkjs's answer for each distinct ballot, once: the property then runs at batch speed.
    const snarkjs = new Map<Ballot, boolean>();
    for (const ballot of [...valid, ...bad]) snarkjs.set(ballot, await verifyBallot(artifacts.vkey, ballot));
    expect(valid.map((ballot) => snarkjs.get(ballot))).toEqual(valid.map(() => true));
    expect(bad.map((ballot) => snarkjs.get(ballot))).toEqual(bad.map(() => false));
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...valid) },
            { weight: 1, arbitrary: fc.constantFrom(...bad) },
          ),
          { maxLength: 20 },
        ),
        (ballots) => {
          const answers = batch(ballots);
          expect(answers).toEqual(ballots.map((ballot) => snarkjs.get(ballot)));
          expect(answers).toEqual(ballots.map((ballot) => check(ballot)));
          // Bisection names exactly the tampered ones.
          const named = answers.flatMap((ok, i) => (ok ? [] : [i]));
          expect(named).toEqual(ballots.flatMap((ballot, i) => (bad.includes(ballot) ? [i] : [])));
        },
      ),
      { numRuns: Math.min(FUZZ_RUNS, 40) },
    );
  });
});

describe("# createBatchVerifierPool", () => {
  it("should check many ballots in chunks over worker threads, naming exactly the bad ones, with progress", async () => {
    const pool = createBatchVerifierPool(artifacts.vkey, { size: 2 });
    try {
      const rerandomize = await rerandomizer(artifacts.vkey);
      const bad = Object.values(tamperedCases());
      const ballots = Array.from({ length: 90 }, (_, i) =>
        i % 13 === 5 ? bad[i % bad.length]! : rerandomize(i % 2 ? yesNoBallot : quadraticBallot, i + 1),
      );
      const progress: number[] = [];
      const answers = await pool.verifyMany(ballots, { chunk: 16, onProgress: (done) => progress.push(done) });
      expect(answers).toEqual(ballots.map((_, i) => i % 13 !== 5));
      expect(progress.at(-1)).toBe(90);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(await pool.verifyMany([])).toEqual([]);
      expect(await pool.verify(yesNoBallot)).toBe(true);
    } finally {
      await pool.close();
    }
    await expect(pool.verify(yesNoBallot)).rejects.toThrow("closed");
  });
});
