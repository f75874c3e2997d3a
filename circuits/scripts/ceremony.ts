import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename } from "node:fs/promises";
import { join } from "node:path";
import { curves, powersOfTau, zKey } from "snarkjs";

/**
 * A dev powers-of-tau file of 2^power: one local contribution of random
 * entropy, prepared for phase 2. Insecure by construction (whoever ran it
 * could have kept the toxic waste); cached because it takes minutes (2^15 takes
 * most of an hour on two cores). Each stage is written under a temporary name
 * and renamed when whole, so a stopped run resumes at the first unfinished stage.
 */
export async function devPtau(power: number, cacheDir: string, log?: PtauLogger): Promise<string> {
  const final = join(cacheDir, `dev_${power}.ptau`);
  if (existsSync(final)) return final;
  await mkdir(cacheDir, { recursive: true });
  const curve = await curves.getCurveFromName("bn128");
  const fresh = join(cacheDir, `dev_${power}_0.ptau`);
  const contributed = join(cacheDir, `dev_${power}_1.ptau`);
  await stage(fresh, (out) => powersOfTau.newAccumulator(curve, power, out, log));
  await stage(contributed, (out) =>
    powersOfTau.contribute(fresh, out, "BLING dev phase 1", randomBytes(64).toString("hex"), log),
  );
  await stage(final, (out) => powersOfTau.preparePhase2(contributed, out, log));
  return final;
}

/** snarkjs's progress logger: the build passes one to show phase 1's slow steps. */
export interface PtauLogger {
  info(message: string): void;
  debug(message: string): void;
  error(message: string): void;
}

async function stage(path: string, write: (out: string) => Promise<unknown>): Promise<void> {
  if (existsSync(path)) return;
  await write(`${path}.partial`);
  await rename(`${path}.partial`, path);
}

/** Phase 2 for one circuit: the initial zkey and one contribution of random entropy. */
export async function devZkey(r1cs: string, ptau: string, out: string): Promise<void> {
  const initial = `${out}.0`;
  await zKey.newZKey(r1cs, ptau, initial);
  await zKey.contribute(initial, out, "BLING dev phase 2", randomBytes(64).toString("hex"));
}

/** The smallest power of two domain Groth16 setup accepts for a circuit. */
export function ptauPowerFor(constraints: number, publicSignals: number): number {
  // snarkjs needs room for the constraints plus one per public input and the constant.
  return Math.max(8, Math.ceil(Math.log2(constraints + publicSignals + 1)));
}
