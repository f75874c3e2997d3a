/**
 * The observer's checks of a secret-ballot referendum (protocol v2, SECRET-BALLOT.md "Observer
 * checks"): the trustees and election key the spec anchors are those of a sound key generation;
 * and, once tallied, the aggregate recomputes from the log, every published partial decryption
 * verifies against its trustee's public share, and t of them combine to the anchored counts.
 */
import {
  IDENTITY,
  mulPublic,
  nonIdentityPointFromWire,
  pointFromWire,
  pointToWire,
  type Point,
} from "../protocol/babyjub";
import { SEALED_PROTOCOL_VERSION, sealedCircuitFor } from "../protocol/constants";
import { MAX_TRUSTEES } from "../protocol/dkg";
import { sumCiphertexts, type Ciphertext } from "../protocol/elgamal";
import { sealedSlotsOf, type SealedStatement } from "../protocol/sealed-statement";
import { aggregateToWire, electionKeyOf, sealedBound } from "../protocol/sealed-tally";
import type { ReferendumSpec } from "../protocol/spec";
import { nullifierSetRoot } from "../protocol/tally-rules";
import { combinePartials, verifyPartialDecryption, type PartialDecryption } from "../protocol/threshold";
import type { SpecTrustees } from "../protocol/trustee-transcript";
import { malformedIn, type AuditBundle } from "./bundle";
import { finalHeadSize } from "./log-checks";
import { CheckBuilder, type CheckResult } from "./report";

/** A point in a message: the start of its x, enough to tell two apart. */
export const short = (point: readonly string[]): string => `(${(point[0] ?? "").slice(0, 12)}..., ...)`;
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The slot count of the sealed circuit for a referendum of `options` options, or null when there is none. */
function slotsForOptions(options: number): number | null {
  try {
    return sealedCircuitFor(options);
  } catch {
    return null;
  }
}

/**
 * How a referendum's ballots read: null for public votes (v1.1, no `spec.trustees`), else the
 * sealed circuit's slot count (from the circuit the spec names, or else from its option count;
 * 0 when neither gives one, and no ballot can be read).
 */
export function sealedSlots(spec: ReferendumSpec): number | null {
  if (!spec.trustees) return null;
  return sealedSlotsOf(spec.circuit.name) ?? slotsForOptions(spec.options.length) ?? 0;
}

/** The spec's election key as a point, or null when it is not one (the trustees check names why). */
export function anchoredElectionKey(trustees: SpecTrustees): Point | null {
  try {
    return electionKeyOf(trustees);
  } catch {
    return null;
  }
}

const isIdentity = (point: readonly string[]): boolean => point[0] === "0" && point[1] === "1";

/**
 * The trustees the spec anchors (only for a spec with `trustees`): 1 <= t <= n <= 16, indices
 * 1..n once each, n lists of exactly t commitments, no key or commitment the identity point, the
 * election key the sum of the dealers' constant-term commitments; and the spec's circuit is the
 * sealed one for its option count.
 */
export function checkTrustees(bundle: AuditBundle): CheckResult {
  const check = new CheckBuilder(
    "trustees",
    "The election key is the sum of the trustees' commitments, and the circuit seals this ballot",
  );
  const { spec } = bundle.referendum;
  const trustees = spec.trustees;
  if (!trustees) {
    check.fail("the spec names no trustees: its votes are public, not sealed");
    return check.done("");
  }
  const { threshold: t, members, commitments } = trustees;
  const n = members.length;
  check.numbers.threshold = t;
  check.numbers.trustees = n;
  check.numbers.electionKey = trustees.electionKey.join(", ");

  if (!(t >= 1 && t <= n && n <= MAX_TRUSTEES))
    check.fail(`the threshold is ${t} of ${n} trustees: it must be 1 <= t <= n <= ${MAX_TRUSTEES}`);
  const indices = members.map((member) => member.index);
  const expected = Array.from({ length: n }, (_, i) => i + 1);
  if ([...indices].sort((a, b) => a - b).join(",") !== expected.join(","))
    check.fail(`the trustees' indices are [${indices.join(", ")}], not 1..${n} each once`);
  for (const { index, name, publicKey } of members)
    if (isIdentity(publicKey)) check.fail(`trustee ${index} (${name})'s key is the identity point`);

  if (commitments.length !== n)
    check.fail(`the spec holds ${commitments.length} lists of commitments for ${n} trustees: one per dealer`);
  let sum: Point = IDENTITY;
  commitments.forEach((list, j) => {
    if (list.length !== t)
      check.fail(`dealer ${j + 1} has ${list.length} commitments; a threshold of ${t} needs exactly ${t}`);
    list.forEach((commitment, k) => {
      if (isIdentity(commitment)) check.fail(`dealer ${j + 1}'s commitment ${k} is the identity point`);
    });
    const first = list[0];
    if (first) sum = sum.add(pointFromWire(first, `commitments[${j}][0]`));
  });
  const key = anchoredElectionKey(trustees);
  if (!key || key.is0()) check.fail("the spec's election key is the identity point: anyone could decrypt");
  else if (!key.equals(sum))
    check.fail(
      `the spec's election key ${short(trustees.electionKey)} is not the sum of the ${commitments.length} dealers' first commitments ${short(pointToWire(sum))}: the ballots would be encrypted to a key the trustees did not generate`,
    );

  const options = spec.options.length;
  const slots = sealedSlotsOf(spec.circuit.name);
  const wanted = slotsForOptions(options);
  check.numbers.circuit = spec.circuit.name;
  if (wanted === null) check.fail(`the referendum has ${options} options; a sealed ballot holds from 1 to 8`);
  else if (slots !== wanted)
    check.fail(
      `the spec's circuit is ${spec.circuit.name}, not the sealed circuit of ${wanted} slots for ${options} options (sealed_d<depth>_k${wanted})`,
    );
  if (spec.protocol !== SEALED_PROTOCOL_VERSION)
    check.fail(`the spec says protocol ${spec.protocol}; a sealed referendum is protocol ${SEALED_PROTOCOL_VERSION}`);
  return check.done(
    `${t} of ${n} trustees; the election key is the sum of their ${n} dealers' commitments; ${spec.circuit.name} seals ${options} options, so the votes stay sealed until at least ${t} trustees decrypt their sum after the close`,
  );
}

/** The counted ballots of a sealed log's first `size` entries: the latest revision of each nullifier. */
function countedBallots(statements: readonly (SealedStatement | null)[], size: number): Map<bigint, SealedStatement> {
  const latest = new Map<bigint, SealedStatement>();
  for (const statement of statements.slice(0, size)) {
    if (!statement) continue;
    // The revision the proof binds, as the service counts.
    const known = latest.get(statement.nullifier);
    if (!known || statement.revision > known.revision) latest.set(statement.nullifier, statement);
  }
  return latest;
}

/**
 * Y_m = Σ_j Σ_k m^k·C_{j,k} of every trustee, each commitment read once (the protocol's
 * `publicSharesOf` reads all n·t of them again for each of the n trustees).
 * @throws TypeError when a commitment is not a subgroup point other than O (the trustees check names it).
 */
export function trusteePublicShares(trustees: SpecTrustees): Map<number, Point> {
  const lists = trustees.commitments.map((list, j) =>
    list.map((c, k) => nonIdentityPointFromWire(c, `dealer ${j + 1} commitments[${k}]`)),
  );
  const shareOf = (m: number): Point =>
    lists.reduce(
      // Horner's rule: Σ_k m^k·C_k.
      (sum, list) => sum.add(list.reduceRight((acc, c) => mulPublic(acc, BigInt(m)).add(c), IDENTITY)),
      IDENTITY,
    );
  return new Map(trustees.members.map(({ index }) => [index, shareOf(index)]));
}

/** Which slot: its index and, where the referendum has one, its option. */
const slotName = (spec: ReferendumSpec, slot: number): string =>
  spec.options[slot] === undefined ? `slot ${slot}` : `slot ${slot} ("${spec.options[slot]}")`;

/**
 * Problems with a slot-by-slot comparison of the decrypted counts with a published list. A slot
 * one of them lacks counts 0: the registry stores a count for each of its VOTE_OPTIONS slots,
 * a sealed ballot has 2 or 8.
 */
function compareCounts(
  check: CheckBuilder,
  spec: ReferendumSpec,
  decrypted: readonly string[],
  published: readonly string[],
  who: string,
): void {
  for (let slot = 0; slot < Math.max(decrypted.length, published.length); slot++) {
    const mine = decrypted[slot] ?? "0";
    const theirs = published[slot] ?? "0";
    if (mine !== theirs)
      check.fail(`${slotName(spec, slot)}: the trustees' decryption gives ${mine}, ${who} ${theirs}`);
  }
}

/**
 * The tally of a sealed referendum: the aggregate of the counted ballots (latest revision of each
 * nullifier in the tally's log) against the published one; each published partial decryption
 * against its trustee's public share and the recomputed aggregate; t valid ones combined (totals
 * in [0, counted voters × maxValue]) against the anchored and published counts; and the
 * nullifier-set root, ballots and voters as for public votes.
 */
export function checkSealedTally(bundle: AuditBundle, statements: readonly (SealedStatement | null)[]): CheckResult {
  const check = new CheckBuilder(
    "tally",
    "The aggregate recomputes from the log, and the trustees' verified partial decryptions give the anchored counts",
  );
  const { spec, state } = bundle.referendum;
  const trustees = spec.trustees as SpecTrustees;
  const { threshold } = trustees;
  const anchored = bundle.anchors.tally;
  const served = bundle.tally;
  const slots = sealedSlots(spec) ?? 0;
  check.numbers.threshold = threshold;
  for (const { problem } of malformedIn(bundle, "tally"))
    check.fail(`the tally the service publishes cannot be read (${problem})`);
  if (!anchored && !served) {
    check.numbers.tally = "pending";
    check.fail(
      `pending: the votes are sealed until at least ${threshold} of the ${trustees.members.length} trustees decrypt their sum after the close; no tally is anchored yet (state "${state}"): audit again once it is published`,
    );
    return check.done("");
  }

  // The ballots the tally counts: the log it covers (the whole log, which the checks below hold it to).
  const size = anchored?.logSize ?? served?.logSize ?? bundle.entries.length;
  const counted = countedBallots(statements, size);
  const voters = counted.size;
  const root = nullifierSetRoot(counted.keys());
  const bound = sealedBound(voters, spec.rules.maxValue);
  check.numbers.voters = voters;
  check.numbers.nullifierSetRoot = root;
  check.numbers.bound = String(bound);
  let aggregate: Ciphertext[] = [];
  try {
    aggregate = sumCiphertexts(
      [...counted.values()].map((ballot) => ballot.ciphertexts),
      slots,
    );
  } catch (error) {
    check.fail(`the counted ballots' ciphertexts cannot be summed: ${message(error)}`);
  }

  const sealed = served?.sealed;
  let decrypted: string[] | null = null;
  if (!served) check.fail("the service publishes no tally: there are no partial decryptions to check the counts by");
  else if (!sealed)
    check.fail(
      "the published tally carries no aggregate and partial decryptions: its counts cannot be checked against the sealed ballots",
    );
  else {
    const recomputed = aggregateToWire(aggregate);
    if (sealed.aggregate.length !== recomputed.length)
      check.fail(`the published aggregate has ${sealed.aggregate.length} slots; the ballots have ${recomputed.length}`);
    else
      recomputed.forEach((slot, i) => {
        if (slot.join(",") !== sealed.aggregate[i]?.join(","))
          check.fail(
            `${slotName(spec, i)}: the published aggregate is not the sum of the counted ballots' ciphertexts (the latest ballot of each of ${voters} nullifiers in the log of ${size})`,
          );
      });
    if (sealed.bound !== String(bound))
      check.fail(`the published bound is ${sealed.bound}; the counted voters × maxValue is ${bound}`);

    let shares = new Map<number, Point>();
    try {
      shares = trusteePublicShares(trustees);
    } catch (error) {
      check.fail(`the trustees' public shares cannot be computed from the spec's commitments: ${message(error)}`);
    }
    const valid: PartialDecryption[] = [];
    const seen = new Set<number>();
    for (const partial of sealed.partials) {
      const { trustee } = partial;
      const name = trustees.members.find((member) => member.index === trustee)?.name;
      const who = `trustee ${trustee}${name === undefined ? "" : ` (${name})`}`;
      if (seen.has(trustee)) {
        check.fail(`${who} has more than one partial decryption published`);
        continue;
      }
      seen.add(trustee);
      const share = shares.get(trustee);
      if (name === undefined || !share) {
        check.fail(`a partial decryption is published as ${who}'s, but the spec has no such trustee`);
        continue;
      }
      let problems: string[];
      try {
        problems = verifyPartialDecryption(spec.id, partial, share, aggregate);
      } catch (error) {
        problems = [message(error)];
      }
      if (problems.length > 0)
        check.fail(
          `the partial decryption published as ${who}'s does not verify against that trustee's public share and the recomputed aggregate (${problems[0]}): forged, or a decryption of something else`,
        );
      else valid.push(partial);
    }
    check.numbers.partials = sealed.partials.length;
    check.numbers.validPartials = valid.length;
    if (valid.length < threshold)
      check.fail(
        `only ${valid.length} valid partial decryption${valid.length === 1 ? "" : "s"} of the ${threshold} needed: the counts cannot come from the trustees`,
      );
    else
      try {
        // Any t valid partials give the same totals; the lowest indices' t, as the service combines.
        const chosen = [...valid].sort((a, b) => a.trustee - b.trustee).slice(0, threshold);
        decrypted = combinePartials({
          referendumId: spec.id,
          ciphertexts: aggregate,
          partials: chosen,
          publicShares: shares,
          threshold,
          bound,
        }).map(String);
      } catch (error) {
        check.fail(`the trustees' partial decryptions do not give totals within [0, ${bound}]: ${message(error)}`);
      }
  }

  if (decrypted) {
    check.numbers.counts = decrypted.slice(0, spec.options.length).join(", ");
    if (anchored) compareCounts(check, spec, decrypted, anchored.counts, "the registry anchors");
    if (served) compareCounts(check, spec, decrypted, served.counts, "the service publishes");
  }
  if (!anchored) {
    check.numbers.tally = "pending";
    check.fail(
      `no tally is anchored yet (state "${state}"): the published one is checked, audit again once it is anchored`,
    );
  } else {
    if (anchored.nullifierSetRoot !== `0x${root}`)
      check.fail(`the counted nullifiers' root is ${root}, the anchored one ${anchored.nullifierSetRoot.slice(2)}`);
    const finalHead = finalHeadSize(bundle);
    if (anchored.logSize !== bundle.entries.length || anchored.logSize !== finalHead)
      check.fail(`the tally anchors a log of ${anchored.logSize} ballots; the log has ${bundle.entries.length}`);
  }
  if (served) {
    if (served.nullifierSetRoot !== root) check.fail("the tally the service publishes has another nullifier-set root");
    if (served.ballots !== size || served.voters !== voters)
      check.fail(
        `the published tally counts ${served.ballots} ballots of ${served.voters} voters; the log has ${size} of ${voters}`,
      );
  }
  return check.done(
    `the aggregate of ${voters} voters' latest ballots recomputes; ${check.numbers.validPartials ?? 0} partial decryptions verify (${threshold} needed) and give counts [${check.numbers.counts ?? ""}] = the anchor`,
  );
}
