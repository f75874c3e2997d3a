/**
 * The public transcript of a referendum's key generation and its judgement (SECRET-BALLOT.md):
 * which trustees joined with which key, their signed dealings and checks, the dry-run partial
 * decryptions, and from them the election key or the name of whoever broke the protocol. The
 * service stores messages only after these checks, and observers, trustees and the service all
 * judge a transcript with this one function, trusting none of the messages.
 */
import { z } from "./zod";
import { nonIdentityPointWire, pointFromWire, pointToWire, pointWire, type Point, type PointWire } from "./babyjub";
import type { JsonValue } from "./canonical-json";
import { proofFromWire, proofWire, verifyKnowledge, type ProofContext } from "./proofs";
import {
  complaintWire,
  dealingWire,
  electionKey,
  judgeComplaint,
  publicShare,
  publicShareFromCommitments,
  validateDealing,
  verifyTrusteeMessage,
  type Complaint,
  type Dealing,
} from "./dkg";
import {
  combinePartials,
  dryRunCiphertext,
  partialDecryptionWire,
  verifyPartialDecryption,
  type PartialDecryption,
} from "./threshold";

/** A trustee's key for one attempt, with its proof of possession bound to the referendum, attempt and index. */
export const trusteeKey = z.object({ publicKey: nonIdentityPointWire, proof: proofWire });
export type TrusteeKey = z.infer<typeof trusteeKey>;

export const signedDealing = z.object({ dealing: dealingWire, signature: proofWire });
export type SignedDealing = z.infer<typeof signedDealing>;

/** A trustee's verdict on every other trustee's dealing: no complaint acknowledges them all. */
export const dkgCheck = z.object({ trustee: z.int().min(1), complaints: z.array(complaintWire) });
export type DkgCheck = z.infer<typeof dkgCheck>;
export const signedCheck = z.object({ check: dkgCheck, signature: proofWire });
export type SignedCheck = z.infer<typeof signedCheck>;

/** Any message a trustee posts after joining. */
export type DkgMessageBody = unknown;

export interface DkgMember {
  index: number;
  name: string;
  key: TrusteeKey | null;
}

export interface DkgTranscript {
  referendumId: string;
  attempt: number;
  threshold: number;
  members: DkgMember[];
  dealings: SignedDealing[];
  checks: SignedCheck[];
  dryRun: PartialDecryption[];
}

export type DkgStatus = "joining" | "dealing" | "checking" | "dry-run" | "complete" | "failed";

/** A trustee found at fault, named publicly. */
export interface DkgFault {
  trustee: number;
  reason: string;
}

export interface DkgAssessment {
  status: DkgStatus;
  /** Trustees the current round waits for. */
  waitingFor: number[];
  faults: DkgFault[];
  /** Messages the transcript holds that do not check out (a service must never store one). */
  problems: string[];
  /** Once every dealing is in: PK = Σ C_{j,0}. */
  electionKey: PointWire | null;
  /** Indices whose dry-run partial decryption verified. */
  dryRunBy: number[];
}

/** The key generation's context in every proof and signature: one attempt of one referendum. */
export function dkgContext(referendumId: string, attempt: number): string {
  return `${referendumId}#${attempt}`;
}

/**
 * A key's proof of possession is bound to the attempt, not to a seat: a trustee learns its index
 * from the service only when it joins. A copied key cannot sign, and `trusteeKeyProblems` refuses
 * a key that another seat holds.
 */
export const keyProofContext = (referendumId: string, attempt: number): ProofContext => ({
  tag: "bling/trustee-key",
  data: [dkgContext(referendumId, attempt)],
});

/** Whether a round's message (a dealing or a check) carries its trustee's signature for this attempt. */
function signedBy(
  transcript: DkgTranscript,
  key: Point,
  round: "deal" | "check",
  body: object,
  signature: unknown,
): boolean {
  return verifyTrusteeMessage(
    dkgContext(transcript.referendumId, transcript.attempt),
    round,
    body as JsonValue,
    key,
    signature,
  );
}

/**
 * Problems with trustee `index`'s key in a transcript (empty when it is well formed, its proof
 * verifies and no other seat holds the same key).
 */
export function trusteeKeyProblems(transcript: DkgTranscript, index: number, key: unknown): string[] {
  const parsed = trusteeKey.safeParse(key);
  if (!parsed.success) return [`trustee ${index}: the key is not a valid Baby Jubjub point with a proof`];
  const publicKey = pointFromWire(parsed.data.publicKey, "publicKey");
  const proof = proofFromWire(parsed.data.proof, "proof");
  if (!verifyKnowledge(publicKey, proof, keyProofContext(transcript.referendumId, transcript.attempt)))
    return [`trustee ${index}: the proof of possession of the key does not verify`];
  const twin = transcript.members.find(
    (member) => member.index !== index && member.key?.publicKey.join() === parsed.data.publicKey.join(),
  );
  return twin ? [`trustee ${index}: trustee ${twin.index} holds the same key`] : [];
}

function memberKey(transcript: DkgTranscript, index: number): Point | null {
  const key = transcript.members.find((member) => member.index === index)?.key;
  return key ? pointFromWire(key.publicKey, `trustee ${index}'s key`) : null;
}

/** Problems with a signed dealing against the transcript's members and threshold. */
export function dealingProblems(transcript: DkgTranscript, message: unknown): { index: number; problems: string[] } {
  const parsed = signedDealing.safeParse(message);
  if (!parsed.success) return { index: 0, problems: ["the dealing is not well formed"] };
  const { dealing, signature } = parsed.data;
  const key = memberKey(transcript, dealing.dealer);
  if (!key) return { index: dealing.dealer, problems: [`trustee ${dealing.dealer} has not joined`] };
  if (!signedBy(transcript, key, "deal", dealing, signature))
    return { index: dealing.dealer, problems: [`trustee ${dealing.dealer}: the dealing's signature does not verify`] };
  const problems = validateDealing({
    referendumId: dkgContext(transcript.referendumId, transcript.attempt),
    dealing,
    members: transcript.members.map((member) => member.index),
    threshold: transcript.threshold,
  });
  return { index: dealing.dealer, problems: problems.map((p) => `trustee ${dealing.dealer}: ${p}`) };
}

/** Every dealing judged once: the valid ones by dealer (the first of a dealer counts), and the problems of the rest. */
function judgeDealings(transcript: DkgTranscript): { valid: Map<number, Dealing>; problems: string[] } {
  const valid = new Map<number, Dealing>();
  const problems: string[] = [];
  for (const message of transcript.dealings) {
    const judged = dealingProblems(transcript, message);
    problems.push(...judged.problems);
    if (judged.problems.length === 0 && !valid.has(judged.index)) valid.set(judged.index, message.dealing);
  }
  return { valid, problems };
}

const validDealings = (transcript: DkgTranscript): Map<number, Dealing> => judgeDealings(transcript).valid;

/** Problems with a signed check: every complaint names a dealing the transcript holds, about the checker's own share. */
export function checkProblems(
  transcript: DkgTranscript,
  message: unknown,
  dealings: ReadonlyMap<number, Dealing> = validDealings(transcript),
): { index: number; problems: string[] } {
  const parsed = signedCheck.safeParse(message);
  if (!parsed.success) return { index: 0, problems: ["the check is not well formed"] };
  const { check, signature } = parsed.data;
  const key = memberKey(transcript, check.trustee);
  if (!key) return { index: check.trustee, problems: [`trustee ${check.trustee} has not joined`] };
  if (!signedBy(transcript, key, "check", check, signature))
    return { index: check.trustee, problems: [`trustee ${check.trustee}: the check's signature does not verify`] };
  const problems = check.complaints.flatMap((complaint: Complaint) =>
    complaint.complainant !== check.trustee || !dealings.has(complaint.dealer) || complaint.dealer === check.trustee
      ? [`trustee ${check.trustee}: a complaint names a dealing or a recipient it cannot be about`]
      : [],
  );
  return { index: check.trustee, problems };
}

/** Problems with a dry-run partial decryption against the trustee's public share. */
export function dryRunProblems(
  transcript: DkgTranscript,
  message: unknown,
  dealings: ReadonlyMap<number, Dealing> = validDealings(transcript),
): { index: number; problems: string[] } {
  const parsed = partialDecryptionWire.safeParse(message);
  if (!parsed.success) return { index: 0, problems: ["the partial decryption is not well formed"] };
  const partial = parsed.data;
  if (dealings.size !== transcript.members.length)
    return { index: partial.trustee, problems: ["the dealings are not all in"] };
  if (!transcript.members.some((member) => member.index === partial.trustee))
    return { index: partial.trustee, problems: [`trustee ${partial.trustee} is not a member`] };
  const all = [...dealings.values()];
  const problems = verifyPartialDecryption(
    dkgContext(transcript.referendumId, transcript.attempt),
    partial,
    publicShare(partial.trustee, all),
    [dryRunCiphertext(transcript.referendumId, electionKey(all))],
  );
  return { index: partial.trustee, problems };
}

/** Judges a transcript from its public messages alone: where it stands, who is at fault, the election key. */
export function assessTranscript(transcript: DkgTranscript): DkgAssessment {
  const indices = transcript.members.map((member) => member.index);
  const assessment: DkgAssessment = {
    status: "joining",
    waitingFor: [],
    faults: [],
    problems: [],
    electionKey: null,
    dryRunBy: [],
  };
  for (const member of transcript.members)
    if (member.key) assessment.problems.push(...trusteeKeyProblems(transcript, member.index, member.key));
  const joined = indices.filter((index) => memberKey(transcript, index) !== null);
  if (joined.length < indices.length) return waiting(assessment, "joining", indices, joined);

  const { valid: dealings, problems: dealingIssues } = judgeDealings(transcript);
  assessment.problems.push(...dealingIssues);
  if (dealings.size < indices.length) return waiting(assessment, "dealing", indices, [...dealings.keys()]);
  const allDealings = indices.map((index) => dealings.get(index) as Dealing);
  const pk = electionKey(allDealings);
  assessment.electionKey = pointToWire(pk);

  const checks = new Map<number, DkgCheck>();
  for (const message of transcript.checks) {
    const { index, problems } = checkProblems(transcript, message, dealings);
    assessment.problems.push(...problems);
    if (problems.length === 0 && !checks.has(index)) checks.set(index, message.check);
  }
  for (const check of checks.values()) {
    for (const complaint of check.complaints) {
      const dealing = dealings.get(complaint.dealer) as Dealing;
      const verdict = judgeComplaint({
        referendumId: dkgContext(transcript.referendumId, transcript.attempt),
        dealing,
        complaint,
        dealerPublicKey: memberKey(transcript, complaint.dealer) as Point,
        complainantPublicKey: memberKey(transcript, complaint.complainant) as Point,
        members: indices,
        threshold: transcript.threshold,
      });
      assessment.faults.push(
        verdict === "dealer-at-fault"
          ? {
              trustee: complaint.dealer,
              reason: `dealt trustee ${complaint.complainant} a share that fails its commitments`,
            }
          : { trustee: complaint.complainant, reason: `complained about trustee ${complaint.dealer}'s valid share` },
      );
    }
  }
  if (assessment.faults.length > 0) return { ...assessment, status: "failed" };
  if (checks.size < indices.length) return waiting(assessment, "checking", indices, [...checks.keys()]);

  const ciphertext = dryRunCiphertext(transcript.referendumId, pk);
  const partials = new Map<number, PartialDecryption>();
  for (const partial of transcript.dryRun) {
    const { index, problems } = dryRunProblems(transcript, partial, dealings);
    assessment.problems.push(...problems);
    if (problems.length === 0 && !partials.has(index)) partials.set(index, partial);
  }
  assessment.dryRunBy = [...partials.keys()].sort((a, b) => a - b);
  if (partials.size < transcript.threshold) {
    return {
      ...waiting(assessment, "dry-run", indices, [...partials.keys()]),
      waitingFor: partials.size === 0 ? indices : [],
    };
  }
  const [total] = combinePartials({
    referendumId: dkgContext(transcript.referendumId, transcript.attempt),
    ciphertexts: [ciphertext],
    partials: [...partials.values()],
    publicShares: new Map(indices.map((index) => [index, publicShare(index, allDealings)])),
    threshold: transcript.threshold,
    bound: 1n,
  });
  if (total !== 1n)
    return { ...assessment, status: "failed", faults: [{ trustee: 0, reason: "the dry run did not decrypt to 1" }] };
  return { ...assessment, status: "complete" };
}

function waiting(assessment: DkgAssessment, status: DkgStatus, all: number[], done: number[]): DkgAssessment {
  return { ...assessment, status, waitingFor: all.filter((index) => !done.includes(index)) };
}

/**
 * The trustees as the spec carries them (anchored with the spec hash): the members' keys, every
 * dealer's commitments and the election key, so observers recompute PK and each public share.
 */
export const specTrusteesSchema = z.object({
  attempt: z.int().min(1),
  threshold: z.int().min(1),
  members: z.array(z.object({ index: z.int().min(1), name: z.string(), publicKey: pointWire })),
  /** Dealer by dealer, in member order: the t Feldman commitments C_{j,0..t-1}. */
  commitments: z.array(z.array(pointWire)),
  electionKey: pointWire,
});
export type SpecTrustees = z.infer<typeof specTrusteesSchema>;

/**
 * The spec's trustees block of a completed key generation.
 * @throws Error when the transcript has not completed.
 */
export function specTrustees(transcript: DkgTranscript): SpecTrustees {
  const assessment = assessTranscript(transcript);
  if (assessment.status !== "complete" || !assessment.electionKey)
    throw new Error(`the key generation is at "${assessment.status}", not complete`);
  const dealings = validDealings(transcript);
  return {
    attempt: transcript.attempt,
    threshold: transcript.threshold,
    members: transcript.members.map(({ index, name, key }) => ({
      index,
      name,
      publicKey: (key as TrusteeKey).publicKey,
    })),
    commitments: transcript.members.map(({ index }) => (dealings.get(index) as Dealing).commitments),
    electionKey: assessment.electionKey,
  };
}

/** Trustee `index`'s public share Y_m, from the commitments a spec carries. */
export function publicShareOf(trustees: SpecTrustees, index: number): Point {
  return publicShareFromCommitments(index, trustees.commitments);
}
