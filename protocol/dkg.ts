/**
 * The trustees' distributed key generation (SECRET-BALLOT.md, "Trustees and the distributed key
 * generation"): dealer-less Feldman VSS. Every trustee deals a random polynomial with public
 * commitments and a share for every other trustee, encrypted under the static Diffie–Hellman
 * point of the two trustee keys; recipients check their share against the commitments and
 * complain with a proof anyone can judge. Browser-safe: the trustee page runs it.
 */
import { z } from "./zod";
import {
  G,
  IDENTITY,
  hashToScalar,
  modL,
  mul,
  mulG,
  mulPublic,
  nonIdentityPointFromWire,
  nonIdentityPointWire,
  pointToWire,
  pointWire,
  randomScalar,
  scalarFromWire,
  scalarToWire,
  scalarWire,
  pointFromWire,
  type Point,
  type PointWire,
} from "./babyjub";
import { fieldElement, firstIssue } from "./wire";
import type { JsonValue } from "./canonical-json";
import {
  proofFromWire,
  proofToWire,
  proofWire,
  proveEqualLogs,
  proveKnowledge,
  sign,
  verifyEqualLogs,
  verifyKnowledge,
  verifySignature,
  type Proof,
  type ProofWire,
} from "./proofs";

/** At most 16 trustees (SECRET-BALLOT.md): indices 1..16. */
export const MAX_TRUSTEES = 16;

const trusteeIndex = z.int().min(1).max(MAX_TRUSTEES);

/** A trustee's public key and its proof of possession, as registered. */
export interface Member {
  index: number;
  publicKey: Point;
}

/** Trustee m's dealing: what the service stores and relays. */
export const dealingWire = z.object({
  dealer: trusteeIndex,
  /** C_{j,0..t-1}: commitments to the polynomial's coefficients; none is O. */
  commitments: z.array(nonIdentityPointWire).min(1).max(MAX_TRUSTEES),
  /** Proof of knowledge of a_{j,0}, the dealer's contribution to the election secret. */
  proof: proofWire,
  /** e_{j,m} for every other trustee m. */
  shares: z.array(z.object({ recipient: trusteeIndex, encrypted: scalarWire })).max(MAX_TRUSTEES),
});
export type Dealing = z.infer<typeof dealingWire>;

/** Trustee m's complaint against dealer j's share: K_{j,m} with a proof it is the DH point. */
export const complaintWire = z.object({
  dealer: trusteeIndex,
  complainant: trusteeIndex,
  key: pointWire,
  proof: proofWire,
});
export type Complaint = z.infer<typeof complaintWire>;

/** Trustee `recipient`'s word that dealer j's share checked out against the commitments. */
export const acknowledgementWire = z.object({ dealer: trusteeIndex, recipient: trusteeIndex });
export type Acknowledgement = z.infer<typeof acknowledgementWire>;

/** A message from a trustee, signed with its trustee key. */
export const signedTrusteeMessageWire = z.object({
  referendumId: fieldElement,
  kind: z.string().min(1),
  body: z.json(),
  signature: proofWire,
});

const TAG_COMMITMENT = "bling/dkg-commitment";
const TAG_SHARE = "bling/dkg-share";
const TAG_COMPLAINT = "bling/dkg-complaint";
const TAG_MESSAGE = "bling/trustee-message";

/** Signs a trustee message: Hs("bling/trustee-message", referendumId, kind, body). */
export function signTrusteeMessage(referendumId: string, kind: string, body: JsonValue, secretKey: bigint): ProofWire {
  return proofToWire(sign(secretKey, TAG_MESSAGE, [referendumId, kind, body]));
}

/** Whether `signature` is `publicKey`'s signature on the message. */
export function verifyTrusteeMessage(
  referendumId: string,
  kind: string,
  body: JsonValue,
  publicKey: Point,
  signature: unknown,
): boolean {
  const parsed = tryProof(signature);
  return parsed !== undefined && verifySignature(publicKey, TAG_MESSAGE, [referendumId, kind, body], parsed);
}

function tryProof(value: unknown): Proof | undefined {
  try {
    return proofFromWire(value, "proof");
  } catch {
    return undefined;
  }
}

function checkParameters(threshold: number, members: readonly Member[]): void {
  const n = members.length;
  if (!Number.isSafeInteger(threshold) || threshold < 1 || threshold > n || n > MAX_TRUSTEES) {
    throw new RangeError(`need 1 <= t <= n <= ${MAX_TRUSTEES}, got t = ${threshold}, n = ${n}`);
  }
  const indices = members.map((m) => m.index);
  if (new Set(indices).size !== n || indices.some((i) => !trusteeIndex.safeParse(i).success)) {
    throw new RangeError(`member indices must be distinct integers in 1..${MAX_TRUSTEES}`);
  }
  // O as a trustee key would make the share mask public.
  if (members.some((m) => m.publicKey.is0())) throw new RangeError("a member's public key is the identity point");
}

/** f(x) = Σ a_k x^k mod l. */
function evaluate(coefficients: readonly bigint[], x: number): bigint {
  let acc = 0n;
  for (let k = coefficients.length - 1; k >= 0; k--) acc = modL(acc * BigInt(x) + (coefficients[k] as bigint));
  return acc;
}

/** Σ_k x^k·C_k by Horner's rule: what f(x)·G must equal. */
function evaluateCommitments(commitments: readonly Point[], x: number): Point {
  let acc = IDENTITY;
  for (let k = commitments.length - 1; k >= 0; k--) acc = mulPublic(acc, BigInt(x)).add(commitments[k] as Point);
  return acc;
}

/** The one-time pad of e_{j,m}: Hs("bling/dkg-share", referendumId, j, m, K_{j,m}). */
function shareMask(referendumId: string, dealer: number, recipient: number, key: Point): bigint {
  return hashToScalar(TAG_SHARE, [referendumId, dealer, recipient, key]);
}

export interface CreateDealingInput {
  referendumId: string;
  dealer: { index: number; secretKey: bigint };
  members: readonly Member[];
  threshold: number;
  /**
   * a_0..a_{t-1}, when the dealer derives them itself (the trustee tool derives them from its key,
   * so a trustee keeps nothing but the key); fresh random ones otherwise.
   */
  coefficients?: readonly bigint[];
}

/**
 * Deals a fresh random polynomial of degree t − 1. Returns the public dealing and the dealer's
 * own share f_j(j), which is never sent: the dealer adds it to the shares it receives.
 * @throws RangeError for a bad threshold, or when the dealer is not among the members.
 */
export function createDealing(input: CreateDealingInput): { dealing: Dealing; ownShare: bigint } {
  const { referendumId, dealer, members, threshold } = input;
  checkParameters(threshold, members);
  if (!members.some((m) => m.index === dealer.index)) throw new RangeError(`dealer ${dealer.index} is not a member`);
  const coefficients = input.coefficients?.map(modL) ?? Array.from({ length: threshold }, randomScalar);
  if (coefficients.length !== threshold || coefficients.some((a) => a === 0n))
    throw new RangeError(`a dealing needs ${threshold} nonzero coefficients`);
  const commitments = coefficients.map((a) => mulG(a));
  const proof = proveKnowledge(coefficients[0] as bigint, { tag: TAG_COMMITMENT, data: [referendumId, dealer.index] });
  const shares = members
    .filter((m) => m.index !== dealer.index)
    .map((m) => {
      const key = mul(m.publicKey, dealer.secretKey);
      const share = evaluate(coefficients, m.index);
      return {
        recipient: m.index,
        encrypted: scalarToWire(share + shareMask(referendumId, dealer.index, m.index, key)),
      };
    });
  return {
    dealing: { dealer: dealer.index, commitments: commitments.map(pointToWire), proof: proofToWire(proof), shares },
    ownShare: evaluate(coefficients, dealer.index),
  };
}

export interface ValidateDealingInput {
  referendumId: string;
  dealing: unknown;
  /** The indices of all members (the dealer's included). */
  members: readonly number[];
  threshold: number;
}

/**
 * The public problems of a dealing (empty when it is well formed): its shape, t commitments none
 * of which is O, the proof of knowledge of a_{j,0}, exactly one share for every other member.
 * Anyone can run it; a dealing with problems names its dealer as bad without any complaint.
 */
export function validateDealing(input: ValidateDealingInput): string[] {
  const { referendumId, members, threshold } = input;
  const parsed = dealingWire.safeParse(input.dealing);
  if (!parsed.success) return [firstIssue(parsed.error, ["dealing"])];
  const dealing = parsed.data;
  const problems: string[] = [];
  if (!members.includes(dealing.dealer)) problems.push(`dealer ${dealing.dealer} is not a member`);
  if (dealing.commitments.length !== threshold) {
    problems.push(`has ${dealing.commitments.length} commitments, the threshold needs ${threshold}`);
  }
  const secretCommitment = nonIdentityPointFromWire(dealing.commitments[0], "commitments[0]");
  const proof = proofFromWire(dealing.proof, "proof");
  if (!verifyKnowledge(secretCommitment, proof, { tag: TAG_COMMITMENT, data: [referendumId, dealing.dealer] })) {
    problems.push("the proof of knowledge of the secret coefficient does not verify");
  }
  const recipients = dealing.shares.map((s) => s.recipient);
  const expected = members.filter((m) => m !== dealing.dealer);
  if (new Set(recipients).size !== recipients.length) problems.push("has two shares for one recipient");
  for (const m of expected) if (!recipients.includes(m)) problems.push(`has no share for trustee ${m}`);
  for (const r of recipients) if (!expected.includes(r)) problems.push(`has a share for ${r}, not another member`);
  return problems;
}

export interface CheckDealingInput {
  referendumId: string;
  recipient: { index: number; secretKey: bigint };
  dealerPublicKey: Point;
  /** A dealing that passed `validateDealing`. */
  dealing: Dealing;
}

export type CheckResult = { ok: true; share: bigint } | { ok: false; complaint: Complaint };

/** s_{j,m} = e_{j,m} − mask, and whether s·G matches the commitments at m. */
function openShare(dealing: Dealing, recipient: number, key: Point, referendumId: string) {
  const entry = dealing.shares.find((s) => s.recipient === recipient);
  if (entry === undefined) return undefined;
  const share = modL(
    scalarFromWire(entry.encrypted, "encrypted share") - shareMask(referendumId, dealing.dealer, recipient, key),
  );
  const commitments = dealing.commitments.map((c, k) => pointFromWire(c, `commitments[${k}]`));
  return { share, valid: mulG(share).equals(evaluateCommitments(commitments, recipient)) };
}

/**
 * Trustee m decrypts its share of dealer j's dealing and checks it against the commitments: the
 * share to keep, or a complaint (K_{j,m} and a Chaum–Pedersen proof that log_G P_m = log_{P_j} K)
 * that lets anyone open the share and judge.
 * @throws TypeError when the dealing has no share for the recipient (`validateDealing` reports it).
 */
export function checkDealing(input: CheckDealingInput): CheckResult {
  const { referendumId, recipient, dealerPublicKey, dealing } = input;
  const key = mul(dealerPublicKey, recipient.secretKey);
  const opened = openShare(dealing, recipient.index, key, referendumId);
  if (opened === undefined) throw new TypeError(`the dealing of ${dealing.dealer} has no share for ${recipient.index}`);
  if (opened.valid) return { ok: true, share: opened.share };
  const proof = proveEqualLogs(
    recipient.secretKey,
    { g1: G, h1: mulG(recipient.secretKey), g2: dealerPublicKey, h2: key },
    { tag: TAG_COMPLAINT, data: [referendumId, dealing.dealer, recipient.index] },
  );
  return {
    ok: false,
    complaint: {
      dealer: dealing.dealer,
      complainant: recipient.index,
      key: pointToWire(key),
      proof: proofToWire(proof),
    },
  };
}

export interface JudgeComplaintInput {
  referendumId: string;
  complaint: unknown;
  dealing: unknown;
  dealerPublicKey: Point;
  complainantPublicKey: Point;
  members: readonly number[];
  threshold: number;
}

/**
 * Judges a complaint from public data alone: with a valid proof that K is the DH point, the share
 * is opened; if it fails the commitments (or the dealing is malformed) the dealer is at fault,
 * otherwise the complaint is false. A complaint without a valid proof is false.
 */
export function judgeComplaint(input: JudgeComplaintInput): "dealer-at-fault" | "complaint-false" {
  const { referendumId, dealerPublicKey, complainantPublicKey } = input;
  const parsed = complaintWire.safeParse(input.complaint);
  if (!parsed.success) return "complaint-false";
  const complaint = parsed.data;
  const key = pointFromWire(complaint.key, "complaint.key");
  const proof = proofFromWire(complaint.proof, "complaint.proof");
  const proven = verifyEqualLogs({ g1: G, h1: complainantPublicKey, g2: dealerPublicKey, h2: key }, proof, {
    tag: TAG_COMPLAINT,
    data: [referendumId, complaint.dealer, complaint.complainant],
  });
  if (!proven || complainantPublicKey.is0() || dealerPublicKey.is0()) return "complaint-false";
  if (!input.members.includes(complaint.complainant) || complaint.complainant === complaint.dealer) {
    return "complaint-false";
  }
  const dealer = dealingWire.safeParse(input.dealing);
  // A complaint about one dealing judged against another says nothing about either.
  if (dealer.success && dealer.data.dealer !== complaint.dealer) return "complaint-false";
  const problems = validateDealing({
    referendumId,
    dealing: input.dealing,
    members: input.members,
    threshold: input.threshold,
  });
  if (problems.length > 0) return "dealer-at-fault";
  const opened = openShare(dealer.data as Dealing, complaint.complainant, key, referendumId);
  return opened?.valid === true ? "complaint-false" : "dealer-at-fault";
}

// Parsed commitments per dealing object, with the wire text they came from (a caller may have
// changed the object since): the subgroup check costs milliseconds a point, and the election key
// and every public share read the same commitments.
const parsedCommitments = new WeakMap<Dealing, { wire: string; points: Point[] }>();

function commitmentsOf(dealing: Dealing): Point[] {
  const wire = dealing.commitments.flat().join(",");
  const cached = parsedCommitments.get(dealing);
  if (cached?.wire === wire) return cached.points;
  const points = dealing.commitments.map((c, k) =>
    nonIdentityPointFromWire(c, `dealing ${dealing.dealer} commitments[${k}]`),
  );
  parsedCommitments.set(dealing, { wire, points });
  return points;
}

/**
 * PK = Σ_j C_{j,0} over all dealings.
 * @throws TypeError when there are no dealings or the sum is O.
 */
export function electionKey(dealings: readonly Dealing[]): Point {
  if (dealings.length === 0) throw new TypeError("no dealings");
  const key = dealings.reduce((sum, d) => sum.add(commitmentsOf(d)[0] as Point), IDENTITY);
  if (key.is0()) throw new TypeError("the election key is the identity point");
  return key;
}

/** Trustee m's public share Y_m = Σ_j Σ_k m^k·C_{j,k}: x_m·G, which anyone computes. */
export function publicShare(index: number, dealings: readonly Dealing[]): Point {
  return publicShareFromCommitments(
    index,
    dealings.map((d) => d.commitments),
  );
}

/** Y_m from every dealer's commitments alone, as a spec carries them. */
export function publicShareFromCommitments(index: number, commitments: readonly (readonly PointWire[])[]): Point {
  return commitments.reduce(
    (sum, list, j) =>
      sum.add(
        evaluateCommitments(
          list.map((c, k) => nonIdentityPointFromWire(c, `dealer ${j + 1} commitments[${k}]`)),
          index,
        ),
      ),
    IDENTITY,
  );
}

/**
 * Trustee m's secret share x_m = Σ_j s_{j,m}: its own share plus every checked share it received.
 * @throws TypeError when a dealer appears twice.
 */
export function secretShare(received: readonly { dealer: number; share: bigint }[]): bigint {
  const dealers = new Set(received.map((r) => r.dealer));
  if (dealers.size !== received.length) throw new TypeError("two shares from one dealer");
  return received.reduce((sum, r) => modL(sum + r.share), 0n);
}
