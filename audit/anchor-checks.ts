/**
 * Checks of what the referendum was opened with: the spec against its anchored hash, the census
 * against its anchored root, and the verification key against the artifacts manifest the spec pins.
 */
import { short } from "./sealed-checks";
import { buildCensus, censusRoot, isCanonicalFieldElement, sha256Hex, type VerificationKey } from "../protocol";
import type { ArtifactManifest } from "../protocol/manifest";
import { PUBLIC_SIGNAL_COUNT, sealedSignalLayout } from "../protocol/constants";
import { specHash } from "../protocol/spec";
import type { AuditBundle } from "./bundle";
import { CheckBuilder, type CheckResult } from "./report";
import { sealedSlots } from "./sealed-checks";

/** The verification key an observer trusts: from its own artifacts, hashed as it was read. */
export interface TrustedCircuit {
  name: string;
  zkeySha256: string;
  vkeySha256: string;
  /** SHA-256 of the verification key file actually read. */
  vkeyFileSha256: string;
  /** How many public signals the key takes (its `nPublic`), when known: a ballot's layout must fit it. */
  publicSignals?: number;
}

/** A trusted circuit and its parsed verification key. */
export interface LoadedCircuit {
  trusted: TrustedCircuit;
  vkey: VerificationKey;
}

/**
 * The circuit an auditor trusts: its manifest and the key file's bytes as read (hashed here, so a
 * key that differs from the manifest fails the circuit check rather than being trusted).
 */
export async function trustCircuit(
  manifest: ArtifactManifest,
  vkeyBytes: Uint8Array<ArrayBuffer>,
): Promise<LoadedCircuit> {
  const vkey = JSON.parse(new TextDecoder().decode(vkeyBytes)) as VerificationKey;
  return {
    trusted: {
      name: manifest.name,
      zkeySha256: manifest.files.zkey.sha256,
      vkeySha256: manifest.files.vkey.sha256,
      vkeyFileSha256: await sha256Hex(vkeyBytes),
      publicSignals: vkey.nPublic,
    },
    vkey,
  };
}

const RULE_FIELDS = ["options", "maxValue", "minTotal", "maxTotal", "costExponent"] as const;

export function checkSpec(bundle: AuditBundle): CheckResult {
  const check = new CheckBuilder("spec", "The spec served is the one anchored at open");
  const { spec, specHash: served } = bundle.referendum;
  const anchored = bundle.anchors.referendum;
  const computed = specHash(spec);
  check.numbers.specHash = computed;
  if (!anchored) {
    check.fail(`referendum ${bundle.referendumId} is not anchored in registry ${bundle.anchors.registry}`);
    return check.done("");
  }
  if (`0x${computed}` !== anchored.specHash)
    check.fail(`the spec hashes to ${computed} but the registry anchors ${anchored.specHash.slice(2)}: it changed`);
  if (served !== null && served !== computed) check.fail(`the service states spec hash ${served}, not ${computed}`);
  if (spec.id !== bundle.referendumId) check.fail(`the spec is for referendum ${spec.id}`);
  if (spec.census.root !== anchored.censusRoot)
    check.fail(`the spec's census root ${spec.census.root} is not the anchored ${anchored.censusRoot}`);
  for (const field of RULE_FIELDS) {
    if (spec.rules[field] !== anchored.rules[field])
      check.fail(`rule ${field} is ${spec.rules[field]} in the spec, ${anchored.rules[field]} on chain`);
  }
  if (spec.opensAt !== anchored.opensAt || spec.closesAt !== anchored.closesAt)
    check.fail("the spec's opening and closing times differ from the anchored ones");
  const problem = electionKeyProblem(spec.trustees?.electionKey ?? null, anchored.electionKey);
  if (problem) check.fail(problem);
  return check.done(
    `spec hash ${computed} = anchored; census root, rules, times${spec.trustees ? " and election key" : ""} equal the anchor`,
  );
}

/**
 * The registry verifies sealed ballots against the key it holds, so it must be the spec's: another
 * key (or none) would let the chain accept ballots the trustees cannot open, or public ones.
 */
function electionKeyProblem(
  spec: readonly [string, string] | null,
  anchored: readonly [string, string] | null,
): string | null {
  if (spec === null && anchored === null) return null;
  if (anchored === null) return "the registry anchors no election key (public votes), but the spec seals the ballots";
  if (spec === null) return `the registry anchors election key ${short(anchored)}, but the spec's votes are public`;
  if (spec[0] !== anchored[0] || spec[1] !== anchored[1])
    return `the registry anchors election key ${short(anchored)}, not the spec's ${short(spec)}`;
  return null;
}

/** The census leaves as field elements, or the index of the first that is not one. */
export function censusLeaves(bundle: AuditBundle): bigint[] | number {
  const bad = bundle.census.leaves.findIndex((leaf) => !isCanonicalFieldElement(leaf));
  return bad >= 0 ? bad : bundle.census.leaves.map(BigInt);
}

/** @param rebuilt The root the leaves rebuild (null when a leaf is not a field element). */
export function checkCensus(bundle: AuditBundle, rebuilt: bigint | null): CheckResult {
  const check = new CheckBuilder("census", "The census served rebuilds the anchored root");
  const { leaves } = bundle.census;
  const frozen = bundle.referendum.spec.census.size;
  const anchoredRoot = bundle.anchors.referendum?.censusRoot ?? bundle.referendum.spec.census.root;
  check.numbers.members = leaves.length;
  if (leaves.length !== frozen)
    check.fail(`the census has ${leaves.length} members but the spec froze ${frozen} at open`);
  const parsed = censusLeaves(bundle);
  if (typeof parsed === "number" || rebuilt === null) {
    check.fail(`census leaf ${typeof parsed === "number" ? parsed : "?"} is not a canonical field element`);
    return check.done("");
  }
  const root = rebuilt.toString();
  check.numbers.root = root;
  if (root !== anchoredRoot)
    check.fail(`the ${leaves.length} leaves rebuild root ${root}, not the anchored ${anchoredRoot}`);
  return check.done(`${leaves.length} members rebuild the anchored root ${root}`);
}

/** The root of a census, in process (the CLI passes a worker thread's instead). */
export const rebuildCensusRoot = (leaves: readonly bigint[]): Promise<bigint> =>
  Promise.resolve(censusRoot(buildCensus(leaves)));

export function checkCircuit(bundle: AuditBundle, trusted: TrustedCircuit): CheckResult {
  const check = new CheckBuilder("circuit", "The verification key is the one the spec pins");
  const { circuit } = bundle.referendum.spec;
  check.numbers.circuit = trusted.name;
  if (trusted.vkeyFileSha256 !== trusted.vkeySha256)
    check.fail(`the verification key hashes to ${trusted.vkeyFileSha256}, the manifest says ${trusted.vkeySha256}`);
  if (circuit.name !== trusted.name)
    check.fail(`the spec's circuit is ${circuit.name}; this auditor has ${trusted.name}`);
  if (circuit.zkeySha256 !== trusted.zkeySha256)
    check.fail(`the spec's zkey is ${circuit.zkeySha256}; the manifest's is ${trusted.zkeySha256}`);
  // A sealed ballot of k slots has 11 + 4k public signals, a public vote 16: the key must take as many.
  const slots = sealedSlots(bundle.referendum.spec);
  const signals = slots === null ? PUBLIC_SIGNAL_COUNT : slots > 0 ? sealedSignalLayout(slots).count : null;
  if (trusted.publicSignals !== undefined && signals !== null && trusted.publicSignals !== signals)
    check.fail(
      `the verification key takes ${trusted.publicSignals} public signals; a ${slots === null ? "public-vote ballot" : `sealed ballot of ${slots} slots`} has ${signals}`,
    );
  return check.done(`${trusted.name}: zkey ${trusted.zkeySha256.slice(0, 16)}..., key hash = manifest`);
}
