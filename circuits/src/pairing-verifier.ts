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

/**
 * Prepares a verifier for one verification key: e(alpha, beta) and the G2 line coefficients of
 * gamma and delta are computed once, so each ballot costs one Miller loop on B, two precomputed ones,
 * one final exponentiation and a multi-scalar multiplication of the public signals.
 * @throws Error when the key is not a BN254 Groth16 key for PUBLIC_SIGNAL_COUNT signals.
 */
export async function createPairingVerifier(vk: VerificationKey): Promise<BallotCheck> {
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
  const alphaBeta = mcl.pairing(g1(key.vk_alpha_1), g2(key.vk_beta_2));
  const gamma = new mcl.PrecomputedG2(g2(key.vk_gamma_2));
  const delta = new mcl.PrecomputedG2(g2(key.vk_delta_2));
  const [ic0, ...ics] = key.IC.map(g1);
  if (!ic0) throw new Error("verification key has no IC");

  return (ballot) => {
    if (typeof ballot !== "object" || ballot === null) return false;
    const { proof, publicSignals } = ballot as Partial<Record<keyof Ballot, unknown>>;
    if (!isWellFormedProof(proof) || decodeBallotStatement(publicSignals) === null) return false;
    try {
      const a = g1(proof.pi_a);
      const b = g2(proof.pi_b);
      const c = g1(proof.pi_c);
      const inputs = mcl.add(ic0, mcl.mulVec(ics, (publicSignals as string[]).map(fr)));
      // e(A, B) = e(alpha, beta) e(inputs, gamma) e(C, delta), with the last two moved to the left.
      const loops = mcl.mul(
        mcl.millerLoop(a, b),
        mcl.precomputedMillerLoop2(mcl.neg(inputs), gamma, mcl.neg(c), delta),
      );
      return mcl.finalExp(loops).isEqual(alphaBeta);
    } catch {
      // mcl refuses points off the curve or outside the subgroup: an invalid proof, nothing more.
      return false;
    }
  };
}
