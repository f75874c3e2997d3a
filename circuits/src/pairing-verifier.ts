/**
 * Groth16 ballot verification on mcl's BN254 pairing (WebAssembly), about five times faster than
 * snarkjs: the API verifies every ballot and an observer re-verifies a whole referendum, so this
 * bounds ingest and audit time. snarkjs stays the reference; tests hold the two to the same answers.
 */
import * as mcl from "mcl-wasm";
import { decodeBallotStatement, isWellFormedProof, type Ballot, type VerificationKey } from "./statement";
import { PUBLIC_SIGNAL_COUNT } from "./constants";

/** Checks a ballot synchronously; false for anything malformed, never throws. */
export type BallotCheck = (ballot: unknown) => boolean;

let ready: Promise<void> | undefined;

/** mcl is one global instance: initialise it once, with G2 subgroup checks on every decoded point. */
function initMcl(): Promise<void> {
  ready ??= mcl.init(mcl.BN_SNARK1).then(() => {
    mcl.verifyOrderG1(true);
    mcl.verifyOrderG2(true);
  });
  return ready;
}

type Affine1 = readonly unknown[];
type Affine2 = readonly (readonly unknown[])[];

// snarkjs writes points as normalised projective triples; only z = 1 has the same meaning on chain,
// where the verifier takes the affine x and y alone.
function g1(point: Affine1): mcl.G1 {
  if (point[2] !== "1") throw new RangeError("not an affine G1 point");
  const p = new mcl.G1();
  p.setStr(`1 ${String(point[0])} ${String(point[1])}`, 10);
  return p;
}

function g2(point: Affine2): mcl.G2 {
  const [x, y, z] = point;
  if (z?.[0] !== "1" || z[1] !== "0") throw new RangeError("not an affine G2 point");
  const p = new mcl.G2();
  // mcl and snarkjs both write an Fp2 element as c0 (real part) then c1.
  p.setStr(`1 ${String(x?.[0])} ${String(x?.[1])} ${String(y?.[0])} ${String(y?.[1])}`, 10);
  return p;
}

function fr(value: string): mcl.Fr {
  const f = new mcl.Fr();
  f.setStr(value, 10);
  return f;
}

/** Checks many ballots; the answers in order, each as `BallotCheck` would give it. Never throws. */
export type BatchCheck = (ballots: readonly unknown[]) => boolean[];

/** A ballot decoded into curve points and field elements: decoding refuses off-curve points. */
interface Decoded {
  a: mcl.G1;
  b: mcl.G2;
  c: mcl.G1;
  signals: mcl.Fr[];
}

function decode(ballot: unknown): Decoded | null {
  if (typeof ballot !== "object" || ballot === null) return null;
  const { proof, publicSignals } = ballot as Partial<Record<keyof Ballot, unknown>>;
  if (!isWellFormedProof(proof) || decodeBallotStatement(publicSignals) === null) return null;
  try {
    return { a: g1(proof.pi_a), b: g2(proof.pi_b), c: g1(proof.pi_c), signals: (publicSignals as string[]).map(fr) };
  } catch {
    // mcl refuses points off the curve or outside the subgroup: an invalid proof, nothing more.
    return null;
  }
}

interface PreparedKey {
  alphaBeta: mcl.GT;
  gamma: mcl.PrecomputedG2;
  delta: mcl.PrecomputedG2;
  ic: mcl.G1[];
}

/**
 * Prepares one verification key: e(alpha, beta) and the G2 line coefficients of gamma and delta are
 * computed once, for every ballot after.
 */
async function prepareKey(vk: VerificationKey): Promise<PreparedKey> {
  await initMcl();
  const key = vk as VerificationKey & {
    vk_alpha_1: Affine1;
    vk_beta_2: Affine2;
    vk_gamma_2: Affine2;
    vk_delta_2: Affine2;
    IC: Affine1[];
  };
  if (key.protocol !== "groth16" || key.curve !== "bn128" || key.IC.length !== PUBLIC_SIGNAL_COUNT + 1) {
    throw new Error("not a Groth16 BN254 key for the ballot circuit");
  }
  return {
    alphaBeta: mcl.pairing(g1(key.vk_alpha_1), g2(key.vk_beta_2)),
    gamma: new mcl.PrecomputedG2(g2(key.vk_gamma_2)),
    delta: new mcl.PrecomputedG2(g2(key.vk_delta_2)),
    ic: key.IC.map(g1),
  };
}

function one(): mcl.Fr {
  const f = new mcl.Fr();
  f.setInt(1);
  return f;
}

/** A uniformly random non-zero 128-bit weight from the platform CSPRNG (Node and browsers). */
function randomWeight(): mcl.Fr {
  const bytes = new Uint8Array(16);
  const f = new mcl.Fr();
  do {
    globalThis.crypto.getRandomValues(bytes);
    f.setLittleEndian(bytes);
  } while (f.isZero());
  return f;
}

/**
 * Whether every decoded proof verifies, by one random linear combination of their equations:
 * prod e(r_i A_i, B_i) = e(alpha, beta)^(sum r_i) e(sum r_i L_i, gamma) e(sum r_i C_i, delta), with
 * L_i = IC_0 + sum_j s_ij IC_j. A bad proof passes only with probability about 2^-128. Without
 * weights (one proof, r = 1) it is exactly the Groth16 check.
 */
function combinedCheck(key: PreparedKey, proofs: readonly Decoded[], weights: readonly mcl.Fr[] | null): boolean {
  const unit = one();
  let weightSum = new mcl.Fr();
  const icScalars = key.ic.map(() => new mcl.Fr());
  let loops: mcl.GT | null = null;
  for (const [i, { a, b, signals }] of proofs.entries()) {
    const r = weights?.[i];
    weightSum = mcl.add(weightSum, r ?? unit);
    for (const [j, signal] of signals.entries())
      icScalars[j + 1] = mcl.add(icScalars[j + 1] ?? new mcl.Fr(), r ? mcl.mul(r, signal) : signal);
    const loop = mcl.millerLoop(r ? mcl.mul(a, r) : a, b);
    loops = loops ? mcl.mul(loops, loop) : loop;
  }
  const [first] = proofs;
  if (!loops || !first) return true;
  icScalars[0] = weightSum;
  const inputs = mcl.mulVec(key.ic, icScalars);
  const cs = weights
    ? mcl.mulVec(
        proofs.map((proof) => proof.c),
        [...weights],
      )
    : first.c;
  // The two shared pairings are moved to the left: one final exponentiation for the whole batch.
  const all = mcl.mul(loops, mcl.precomputedMillerLoop2(mcl.neg(inputs), key.gamma, mcl.neg(cs), key.delta));
  return mcl.finalExp(all).isEqual(weights ? mcl.pow(key.alphaBeta, weightSum) : key.alphaBeta);
}

/**
 * A verifier for one verification key: one Miller loop on B, two precomputed ones, one final
 * exponentiation and a multi-scalar multiplication of the public signals per ballot.
 * @throws Error when the key is not a BN254 Groth16 key for PUBLIC_SIGNAL_COUNT signals.
 */
export async function createPairingVerifier(vk: VerificationKey): Promise<BallotCheck> {
  const key = await prepareKey(vk);
  return (ballot) => {
    const decoded = decode(ballot);
    return decoded !== null && combinedCheck(key, [decoded], null);
  };
}

/**
 * A batch verifier for one verification key: a batch costs one Miller loop and one 128-bit G1
 * multiplication per ballot, plus two shared Miller loops, one multi-scalar multiplication and one
 * final exponentiation, so it is about twice as fast per ballot as one by one. When a batch fails,
 * it is halved until every bad ballot is named (fresh weights each time), so the answers are exactly
 * those of `createPairingVerifier`.
 */
export async function createBatchPairingVerifier(vk: VerificationKey): Promise<BatchCheck> {
  const key = await prepareKey(vk);
  const settle = (proofs: readonly { index: number; decoded: Decoded }[], answers: boolean[]): void => {
    if (proofs.length === 0) return;
    const weights = proofs.length === 1 ? null : proofs.map(randomWeight);
    if (
      combinedCheck(
        key,
        proofs.map((proof) => proof.decoded),
        weights,
      )
    ) {
      for (const { index } of proofs) answers[index] = true;
      return;
    }
    if (proofs.length === 1) return;
    const half = Math.ceil(proofs.length / 2);
    settle(proofs.slice(0, half), answers);
    settle(proofs.slice(half), answers);
  };
  return (ballots) => {
    const answers = ballots.map(() => false);
    const proofs = ballots.flatMap((ballot, index) => {
      const decoded = decode(ballot);
      return decoded ? [{ index, decoded }] : [];
    });
    settle(proofs, answers);
    return answers;
  };
}
