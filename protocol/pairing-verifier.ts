/**
 * Groth16 ballot verification on mcl's BN254 pairing (WebAssembly), about five times faster than
 * snarkjs: the API verifies every ballot and an observer re-verifies a whole referendum, so this
 * bounds ingest and audit time. snarkjs stays the reference; tests hold the two to the same answers.
 */
import * as mcl from "mcl-wasm";
import { decodeBallotStatement, isWellFormedProof, type Ballot, type VerificationKey } from "./statement";
import { BASE_FIELD_SIZE, PUBLIC_SIGNAL_COUNT, SEALED_OPTION_COUNTS, sealedSignalLayout } from "./constants";
import { decodeSealedStatement } from "./sealed-statement";

/** Checks a ballot synchronously; false for anything malformed, never throws. */
export type BallotCheck = (ballot: unknown) => boolean;

let ready: Promise<void> | undefined;

/** The BN254 parameter u (p and r are polynomials in it). */
const BN_U = 4965661367192848881n;

/** Constants of the G2 subgroup test, set once mcl is ready. */
let psi: { x: mcl.Fp2; y: mcl.Fp2; eigenvalue: mcl.Fr } | undefined;

/** (a + bi)^e in Fp2 = Fp[i]/(i^2 + 1), on bigints: run once, for the constants of psi. */
function fp2Pow([a, b]: [bigint, bigint], e: bigint): [bigint, bigint] {
  const p = BASE_FIELD_SIZE;
  const mul = ([x, y]: [bigint, bigint], [z, w]: [bigint, bigint]): [bigint, bigint] => [
    (((x * z - y * w) % p) + p) % p,
    (x * w + y * z) % p,
  ];
  let result: [bigint, bigint] = [1n, 0n];
  let base: [bigint, bigint] = [a, b];
  for (let k = e; k > 0n; k >>= 1n) {
    if (k & 1n) result = mul(result, base);
    base = mul(base, base);
  }
  return result;
}

function fp2([a, b]: [bigint, bigint]): mcl.Fp2 {
  const v = new mcl.Fp2();
  v.setStr(`${a} ${b}`, 10);
  return v;
}

/**
 * mcl is one global instance: initialise it once. Decoded points are checked on the curve by mcl
 * and in the prime-order subgroup here: G1 needs no more (BN254's curve over Fp has prime order),
 * G2 gets `isInG2Subgroup`, twice as fast as mcl's own order check (a multiplication by r).
 */
function initMcl(): Promise<void> {
  ready ??= mcl.init(mcl.BN_SNARK1).then(() => {
    mcl.verifyOrderG1(false);
    mcl.verifyOrderG2(false);
    // The twist is y^2 = x^3 + 3 / xi with xi = 9 + i; psi = untwist-Frobenius-twist.
    const p = BASE_FIELD_SIZE;
    const eigenvalue = new mcl.Fr();
    eigenvalue.setStr((6n * BN_U * BN_U).toString(), 10);
    psi = { x: fp2(fp2Pow([9n, 1n], (p - 1n) / 3n)), y: fp2(fp2Pow([9n, 1n], (p - 1n) / 2n)), eigenvalue };
  });
  return ready;
}

function conjugate(v: mcl.Fp2): mcl.Fp2 {
  const c = new mcl.Fp2();
  c.set_a(v.get_a());
  c.set_b(mcl.neg(v.get_b()));
  return c;
}

/**
 * Whether a point on the G2 twist (affine, z = 1) is in the prime-order subgroup, by the BN
 * endomorphism test: psi(Q) = [6u^2] Q exactly for Q in G2 (p = 6u^2 mod r is psi's eigenvalue
 * there; El Housni, Guillevic, Piellard, eprint 2022/352, as gnark-crypto's bn254 IsInSubGroup).
 * One multiplication by a 127-bit scalar instead of mcl's multiplication by r. Tests hold it to
 * mcl's `isValidOrder` on random points of the twist.
 */
export function isInG2Subgroup(point: mcl.G2): boolean {
  if (!psi) throw new Error("mcl is not initialised");
  const image = new mcl.G2();
  image.setX(mcl.mul(conjugate(point.getX()), psi.x));
  image.setY(mcl.mul(conjugate(point.getY()), psi.y));
  image.setZ(point.getZ());
  return image.isEqual(mcl.mul(point, psi.eigenvalue));
}

/** The part of mcl's module that `millerLoopVec` needs; mcl-wasm exports it untyped. */
interface MclModule {
  stackSave(): number;
  stackRestore(position: number): void;
  salloc(value: Uint32Array): number;
  sallocArray(values: Uint32Array[]): number;
  copyFromHeap32(value: Uint32Array, position: number): void;
  _mclBn_millerLoopVec(z: number, xs: number, ys: number, n: number): void;
}

/** Pairs per `millerLoopVec` call: they share the loop's squarings; 16 pairs use 4.6 KB of wasm stack. */
const MILLER_CHUNK = 16;

const internals = (value: object): Uint32Array => (value as unknown as { a_: Uint32Array }).a_;

/**
 * The product of the Miller loops of many pairs, by mcl's multi-pairing loop (not in mcl-wasm's
 * typed API): one Fp12 squaring per step for all pairs instead of one per pair.
 */
function millerLoopVec(ps: readonly mcl.G1[], qs: readonly mcl.G2[]): mcl.GT {
  const mod = (mcl as unknown as { mod: MclModule }).mod;
  let product: mcl.GT | null = null;
  for (let start = 0; start < ps.length; start += MILLER_CHUNK) {
    const xs = ps.slice(start, start + MILLER_CHUNK);
    const ys = qs.slice(start, start + MILLER_CHUNK);
    const z = new mcl.GT();
    const stack = mod.stackSave();
    try {
      const zPos = mod.salloc(internals(z));
      const xPos = mod.sallocArray(xs.map(internals));
      const yPos = mod.sallocArray(ys.map(internals));
      mod._mclBn_millerLoopVec(zPos, xPos, yPos, xs.length);
      mod.copyFromHeap32(internals(z), zPos);
    } finally {
      mod.stackRestore(stack);
    }
    product = product ? mcl.mul(product, z) : z;
  }
  if (!product) throw new RangeError("millerLoopVec of no pairs");
  return product;
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
  if (!isInG2Subgroup(p)) throw new RangeError("not in the G2 subgroup");
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

function decode(ballot: unknown, statementDecodes: (publicSignals: unknown) => boolean): Decoded | null {
  if (typeof ballot !== "object" || ballot === null) return null;
  const { proof, publicSignals } = ballot as Partial<Record<keyof Ballot, unknown>>;
  if (!isWellFormedProof(proof) || !statementDecodes(publicSignals)) return null;
  try {
    return { a: g1(proof.pi_a), b: g2(proof.pi_b), c: g1(proof.pi_c), signals: (publicSignals as string[]).map(fr) };
  } catch {
    // mcl refuses points off the curve or outside the subgroup: an invalid proof, nothing more.
    return null;
  }
}

interface PreparedKey {
  /** Whether public signals are a statement of this key's circuit, in the ranges it is sound for. */
  decodes: (publicSignals: unknown) => boolean;
  alphaBeta: mcl.GT;
  gamma: mcl.PrecomputedG2;
  delta: mcl.PrecomputedG2;
  ic: mcl.G1[];
}

/**
 * The statement check of the ballot circuit with `count` public signals: a public-vote ballot
 * (v1.1), or a sealed one of a slot count. A sealed ballot's points are only checked to be on the
 * curve here: the circuit computes each ciphertext from Base8 and the key, so a proof that
 * verifies binds subgroup points, and a subgroup check per point would cost more than the pairing.
 */
function statementOf(count: number): ((publicSignals: unknown) => boolean) | null {
  if (count === PUBLIC_SIGNAL_COUNT) return (signals) => decodeBallotStatement(signals) !== null;
  const slots = SEALED_OPTION_COUNTS.find((k) => sealedSignalLayout(k).count === count);
  if (slots === undefined) return null;
  return (signals) => decodeSealedStatement(signals, slots, { proven: true }) !== null;
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
  const decodes = key.protocol === "groth16" && key.curve === "bn128" ? statementOf(key.IC.length - 1) : null;
  if (!decodes) throw new Error("not a Groth16 BN254 key for a ballot circuit");
  return {
    decodes,
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
  const weighted: mcl.G1[] = [];
  for (const [i, { a, signals }] of proofs.entries()) {
    const r = weights?.[i];
    weightSum = mcl.add(weightSum, r ?? unit);
    for (const [j, signal] of signals.entries())
      icScalars[j + 1] = mcl.add(icScalars[j + 1] ?? new mcl.Fr(), r ? mcl.mul(r, signal) : signal);
    weighted.push(r ? mcl.mul(a, r) : a);
  }
  const [first] = proofs;
  if (!first) return true;
  const loops = millerLoopVec(
    weighted,
    proofs.map((proof) => proof.b),
  );
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
 * @throws Error when the key is not a BN254 Groth16 key of a ballot circuit (public-vote or sealed).
 */
export async function createPairingVerifier(vk: VerificationKey): Promise<BallotCheck> {
  const key = await prepareKey(vk);
  return (ballot) => {
    const decoded = decode(ballot, key.decodes);
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
      const decoded = decode(ballot, key.decodes);
      return decoded ? [{ index, decoded }] : [];
    });
    settle(proofs, answers);
    return answers;
  };
}
