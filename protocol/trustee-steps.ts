/**
 * What a trustee does, as pure steps over the public transcript and its own secret key: join, deal,
 * check, decrypt the dry run, and after close decrypt the final aggregate it recomputed itself.
 * The trustee CLI and the trustee page both run these; only the secret key is ever kept, because
 * the polynomial is derived from it and the share from the public dealings.
 */
import { z } from "./zod";
import {
  hashToScalar,
  modL,
  mulG,
  pointFromWire,
  pointToWire,
  randomScalar,
  scalarFromWire,
  scalarToWire,
  type Point,
} from "./babyjub";
import { proofToWire, proveKnowledge } from "./proofs";
import { checkDealing, createDealing, publicShare, secretShare, signTrusteeMessage, type Dealing } from "./dkg";
import type { Ciphertext } from "./elgamal";
import { dryRunCiphertext, partialDecrypt, type PartialDecryption } from "./threshold";
import {
  assessTranscript,
  dkgContext,
  keyProofContext,
  type DkgAssessment,
  type DkgTranscript,
  type SignedCheck,
  type SignedDealing,
  type TrusteeKey,
} from "./trustee-transcript";

/**
 * What a trustee keeps (in a file, or in the browser with a recovery code): its key for one
 * attempt, and the seat the service gave it when it joined.
 */
export const trusteeSecret = z.object({
  referendumId: z.string(),
  attempt: z.int().min(1),
  index: z.int().min(1),
  secretKey: z.string(),
});
export type TrusteeSecret = z.infer<typeof trusteeSecret>;

/** A fresh trustee key for an attempt, and the proved public key the service registers. */
export function newTrusteeKey(referendumId: string, attempt: number): { secretKey: bigint; key: TrusteeKey } {
  const secretKey = randomScalar();
  return { secretKey, key: trusteeKeyOf(referendumId, attempt, secretKey) };
}

/** The public key of a trustee's secret key, with a proof of possession bound to its referendum and attempt. */
export function trusteeKeyOf(referendumId: string, attempt: number, secretKey: bigint): TrusteeKey {
  return {
    publicKey: pointToWire(mulG(secretKey)),
    proof: proofToWire(proveKnowledge(secretKey, keyProofContext(referendumId, attempt))),
  };
}

/** The secret to keep once the service has given the key its seat. */
export function trusteeSecretOf(
  referendumId: string,
  attempt: number,
  index: number,
  secretKey: bigint,
): TrusteeSecret {
  return { referendumId, attempt, index, secretKey: scalarToWire(secretKey) };
}

/** The trustee's polynomial, derived from its key: nothing but the key needs keeping, and a redeal is the same dealing. */
function polynomial(secret: TrusteeSecret, threshold: number): bigint[] {
  const sk = scalarFromWire(secret.secretKey, "secretKey");
  return Array.from({ length: threshold }, (_, k) =>
    modL(hashToScalar("bling/dkg-polynomial", [dkgContext(secret.referendumId, secret.attempt), sk, k])),
  );
}

function requireOwnKey(transcript: DkgTranscript, secret: TrusteeSecret): void {
  const member = transcript.members.find((m) => m.index === secret.index);
  if (transcript.referendumId !== secret.referendumId || transcript.attempt !== secret.attempt || !member?.key)
    throw new Error(
      `this key is not trustee ${secret.index}'s in attempt ${transcript.attempt} of referendum ${transcript.referendumId}`,
    );
  if (member.key.publicKey.join() !== pointToWire(mulG(scalarFromWire(secret.secretKey, "secretKey"))).join())
    throw new Error(`trustee ${secret.index} joined with another key`);
}

function keyOf(members: { index: number; publicKey: Point }[], index: number): Point {
  const member = members.find((m) => m.index === index);
  if (!member) throw new Error(`trustee ${index} is not a member`);
  return member.publicKey;
}

const membersOf = (transcript: DkgTranscript): { index: number; publicKey: Point }[] =>
  transcript.members.map((m) => ({
    index: m.index,
    publicKey: pointFromWire(m.key?.publicKey, `trustee ${m.index}'s key`),
  }));

/** The trustee's signed dealing for the transcript's members and threshold. */
export function dealingFor(transcript: DkgTranscript, secret: TrusteeSecret): SignedDealing {
  requireOwnKey(transcript, secret);
  const sk = scalarFromWire(secret.secretKey, "secretKey");
  const context = dkgContext(transcript.referendumId, transcript.attempt);
  const { dealing } = createDealing({
    referendumId: context,
    dealer: { index: secret.index, secretKey: sk },
    members: membersOf(transcript),
    threshold: transcript.threshold,
    coefficients: polynomial(secret, transcript.threshold),
  });
  return { dealing, signature: signTrusteeMessage(context, "deal", dealing, sk) };
}

function dealingsOf(transcript: DkgTranscript): Dealing[] {
  return transcript.members.map(({ index }) => {
    const found = transcript.dealings.find((d) => d.dealing.dealer === index);
    if (!found) throw new Error(`trustee ${index} has not dealt yet`);
    return found.dealing;
  });
}

/** The trustee's signed check of every other dealing: a complaint for each share that fails its commitments. */
export function checkFor(transcript: DkgTranscript, secret: TrusteeSecret): SignedCheck {
  requireOwnKey(transcript, secret);
  const sk = scalarFromWire(secret.secretKey, "secretKey");
  const members = membersOf(transcript);
  const complaints = dealingsOf(transcript)
    .filter((dealing) => dealing.dealer !== secret.index)
    .flatMap((dealing) => {
      const result = checkDealing({
        referendumId: dkgContext(transcript.referendumId, transcript.attempt),
        dealing,
        recipient: { index: secret.index, secretKey: sk },
        dealerPublicKey: keyOf(members, dealing.dealer),
      });
      return result.ok ? [] : [result.complaint];
    });
  const check = { trustee: secret.index, complaints };
  const context = dkgContext(transcript.referendumId, transcript.attempt);
  return { check, signature: signTrusteeMessage(context, "check", check, sk) };
}

/** The trustee's share x_m of the election key: its own polynomial at m plus every other dealer's share to it. */
export function shareOf(transcript: DkgTranscript, secret: TrusteeSecret): bigint {
  requireOwnKey(transcript, secret);
  const sk = scalarFromWire(secret.secretKey, "secretKey");
  const members = membersOf(transcript);
  const own = polynomial(secret, transcript.threshold).reduceRight(
    (acc, a) => modL(acc * BigInt(secret.index) + a),
    0n,
  );
  const received = dealingsOf(transcript)
    .filter((dealing) => dealing.dealer !== secret.index)
    .map((dealing) => {
      const result = checkDealing({
        referendumId: dkgContext(transcript.referendumId, transcript.attempt),
        dealing,
        recipient: { index: secret.index, secretKey: sk },
        dealerPublicKey: keyOf(members, dealing.dealer),
      });
      if (!result.ok) throw new Error(`trustee ${dealing.dealer}'s share to this trustee fails its commitments`);
      return { dealer: dealing.dealer, share: result.share };
    });
  const share = secretShare([{ dealer: secret.index, share: own }, ...received]);
  // The share must match the public share everyone computes, or a decryption would fail its proof.
  if (!mulG(share).equals(publicShare(secret.index, dealingsOf(transcript))))
    throw new Error("this trustee's share does not match its public share");
  return share;
}

/** The trustee's partial decryption of the dry-run ciphertext (which it recomputes itself). */
export function dryRunFor(
  transcript: DkgTranscript,
  secret: TrusteeSecret,
  electionKey: DkgAssessment["electionKey"],
): PartialDecryption {
  if (!electionKey) throw new Error("the election key is not known yet");
  const pk = pointFromWire(electionKey, "electionKey");
  return partialDecrypt(
    {
      referendumId: dkgContext(transcript.referendumId, transcript.attempt),
      index: secret.index,
      share: shareOf(transcript, secret),
    },
    [dryRunCiphertext(transcript.referendumId, pk)],
  );
}

/** The message the trustee owes the current round, or why there is none. */
export type TrusteeStep =
  | { round: "deal"; message: SignedDealing }
  | { round: "check"; message: SignedCheck }
  | { round: "dry-run"; message: PartialDecryption }
  | { round: "wait" | "done" | "failed"; reason: string };

/** What the trustee should post next, judged from the transcript (a message already posted is not owed again). */
export function nextTrusteeStep(transcript: DkgTranscript, secret: TrusteeSecret): TrusteeStep {
  requireOwnKey(transcript, secret);
  const assessment = assessTranscript(transcript);
  const mine = (indices: number[]): boolean => indices.includes(secret.index);
  switch (assessment.status) {
    case "joining":
      return { round: "wait", reason: `waiting for trustee ${assessment.waitingFor.join(", ")} to join` };
    case "dealing":
      return mine(assessment.waitingFor)
        ? { round: "deal", message: dealingFor(transcript, secret) }
        : { round: "wait", reason: `waiting for trustee ${assessment.waitingFor.join(", ")} to deal` };
    case "checking":
      return mine(assessment.waitingFor)
        ? { round: "check", message: checkFor(transcript, secret) }
        : { round: "wait", reason: `waiting for trustee ${assessment.waitingFor.join(", ")} to check` };
    case "dry-run":
    case "complete":
      return assessment.dryRunBy.includes(secret.index)
        ? {
            round: assessment.status === "complete" ? "done" : "wait",
            reason: "the dry run holds this trustee's decryption",
          }
        : { round: "dry-run", message: dryRunFor(transcript, secret, assessment.electionKey) };
    case "failed":
      return {
        round: "failed",
        reason: assessment.faults.map((f) => `trustee ${f.trustee} ${f.reason}`).join("; "),
      };
  }
}

/**
 * The trustee's partial decryption of a referendum's final aggregate. The caller must have
 * recomputed `aggregate` itself from the sealed log: the share decrypts whatever it is given.
 */
export function finalPartialFor(
  transcript: DkgTranscript,
  secret: TrusteeSecret,
  aggregate: readonly Ciphertext[],
): PartialDecryption {
  return partialDecrypt(
    { referendumId: secret.referendumId, index: secret.index, share: shareOf(transcript, secret) },
    aggregate,
  );
}
