import { G, IDENTITY, ORDER_L, mulG, pointToWire, randomScalar, scalarToWire } from "../../../protocol/babyjub";
import {
  acknowledgementWire,
  checkDealing,
  complaintWire,
  createDealing,
  dealingWire,
  electionKey,
  judgeComplaint,
  publicShare,
  secretShare,
  signTrusteeMessage,
  signedTrusteeMessageWire,
  validateDealing,
  verifyTrusteeMessage,
  type Complaint,
  type Dealing,
} from "../../../protocol/dkg";
import { proofToWire, proveEqualLogs } from "../../../protocol/proofs";
import { makeTrustees, runDkg, type Trustee } from "../../fixtures/trustees";

const referendumId = "42";
const trustees = makeTrustees(4);
const members = trustees.map(({ index, publicKey }) => ({ index, publicKey }));
const indices = members.map((m) => m.index);
const t = 3;
const [alice, bob, carol] = trustees as [Trustee, Trustee, Trustee, Trustee];

function deal(dealer: Trustee) {
  return createDealing({
    referendumId,
    dealer: { index: dealer.index, secretKey: dealer.secretKey },
    members,
    threshold: t,
  });
}

function check(recipient: Trustee, dealer: Trustee, dealing: Dealing) {
  return checkDealing({
    referendumId,
    recipient: { index: recipient.index, secretKey: recipient.secretKey },
    dealerPublicKey: dealer.publicKey,
    dealing,
  });
}

function judge(complaint: unknown, dealing: unknown, dealer: Trustee, complainant: Trustee, id = referendumId) {
  return judgeComplaint({
    referendumId: id,
    complaint,
    dealing,
    dealerPublicKey: dealer.publicKey,
    complainantPublicKey: complainant.publicKey,
    members: indices,
    threshold: t,
  });
}

/** The dealing with recipient's encrypted share shifted by one: a share off the polynomial. */
function withBadShare(dealing: Dealing, recipient: number): Dealing {
  return {
    ...dealing,
    shares: dealing.shares.map((s) =>
      s.recipient === recipient ? { ...s, encrypted: scalarToWire(BigInt(s.encrypted) + 1n) } : s,
    ),
  };
}

describe("# DKG attacks", () => {
  it("- a dealer sending one trustee a bad share draws a complaint that names the dealer", () => {
    const { dealing } = deal(alice);
    const bad = withBadShare(dealing, bob.index);
    expect(validateDealing({ referendumId, dealing: bad, members: indices, threshold: t })).toEqual([]);
    const result = check(bob, alice, bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(complaintWire.parse(result.complaint)).toEqual(result.complaint);
    expect(judge(result.complaint, bad, alice, bob)).toBe("dealer-at-fault");
    // The others' shares are fine: only the victim can complain.
    expect(check(carol, alice, bad).ok).toBe(true);
  });

  it("- a complaint against a good share is named false", () => {
    const { dealing } = deal(alice);
    const key = alice.publicKey.multiply(bob.secretKey);
    const proof = proveEqualLogs(
      bob.secretKey,
      { g1: G, h1: bob.publicKey, g2: alice.publicKey, h2: key },
      { tag: "bling/dkg-complaint", data: [referendumId, alice.index, bob.index] },
    );
    const complaint: Complaint = {
      dealer: alice.index,
      complainant: bob.index,
      key: pointToWire(key),
      proof: proofToWire(proof),
    };
    expect(judge(complaint, dealing, alice, bob)).toBe("complaint-false");
  });

  it("- a complaint with a wrong DH point, a bad proof or the wrong parties is named false", () => {
    const { dealing } = deal(alice);
    const bad = withBadShare(dealing, bob.index);
    const result = check(bob, alice, bad);
    if (result.ok) throw new Error("expected a complaint");
    const { complaint } = result;
    // A point other than K: the proof cannot verify, so nobody can frame an honest dealer.
    expect(judge({ ...complaint, key: pointToWire(mulG(randomScalar())) }, bad, alice, bob)).toBe("complaint-false");
    // Replayed under another referendum, by another trustee, or against another dealer.
    expect(judge(complaint, bad, alice, bob, "43")).toBe("complaint-false");
    expect(judge({ ...complaint, complainant: carol.index }, bad, alice, carol)).toBe("complaint-false");
    const carolDealing = withBadShare(deal(carol).dealing, bob.index);
    expect(judge({ ...complaint, dealer: carol.index }, carolDealing, carol, bob)).toBe("complaint-false");
    expect(judge(complaint, carolDealing, alice, bob)).toBe("complaint-false");
    // Malformed, from a non-member, or a dealer complaining about itself.
    expect(judge({ ...complaint, key: ["1", "2"] }, bad, alice, bob)).toBe("complaint-false");
    expect(judge({ ...complaint, complainant: 9 }, bad, alice, bob)).toBe("complaint-false");
    expect(judge({ ...complaint, complainant: alice.index }, bad, alice, alice)).toBe("complaint-false");
    expect(judge(complaint, bad, alice, { ...bob, publicKey: IDENTITY })).toBe("complaint-false");
  });

  it("- a complaint about a malformed dealing names the dealer", () => {
    const { dealing } = deal(alice);
    const bad = withBadShare(dealing, bob.index);
    const result = check(bob, alice, bad);
    if (result.ok) throw new Error("expected a complaint");
    expect(judge(result.complaint, { ...bad, commitments: bad.commitments.slice(1) }, alice, bob)).toBe(
      "dealer-at-fault",
    );
    expect(judge(result.complaint, "garbage", alice, bob)).toBe("dealer-at-fault");
  });

  it("- a proof of knowledge for other commitments or another referendum is refused", () => {
    const a = deal(alice).dealing;
    const b = deal(bob).dealing;
    const swapped = { ...a, proof: b.proof };
    expect(validateDealing({ referendumId, dealing: swapped, members: indices, threshold: t })).toEqual([
      "the proof of knowledge of the secret coefficient does not verify",
    ]);
    const replayed = { ...b, dealer: alice.index, shares: a.shares };
    expect(validateDealing({ referendumId, dealing: replayed, members: indices, threshold: t })).toContain(
      "the proof of knowledge of the secret coefficient does not verify",
    );
    expect(validateDealing({ referendumId: "43", dealing: a, members: indices, threshold: t })).toEqual([
      "the proof of knowledge of the secret coefficient does not verify",
    ]);
  });

  it("- a dealing's structure is checked: t commitments, no O, a share for every other member", () => {
    const { dealing } = deal(alice);
    const v = (d: unknown, threshold = t, m = indices) =>
      validateDealing({ referendumId, dealing: d, members: m, threshold });
    expect(v(dealing)).toEqual([]);
    expect(v(dealing, 2)).toEqual(["has 3 commitments, the threshold needs 2"]);
    expect(v({ ...dealing, commitments: [...dealing.commitments.slice(0, 2), ["0", "1"]] })).toEqual([
      "dealing.commitments.2: must not be the identity point",
    ]);
    expect(v({ ...dealing, shares: dealing.shares.slice(1) })).toEqual(["has no share for trustee 2"]);
    expect(v({ ...dealing, shares: [...dealing.shares, dealing.shares[0]] })).toEqual([
      "has two shares for one recipient",
    ]);
    expect(v({ ...dealing, shares: [...dealing.shares, { recipient: 1, encrypted: "5" }] })).toEqual([
      "has a share for 1, not another member",
    ]);
    expect(v(dealing, t, [2, 3, 4])).toEqual(["dealer 1 is not a member"]);
    expect(v({ ...dealing, dealer: 0 })).toEqual(["dealing.dealer: Too small: expected number to be >=1"]);
  });

  it("- refuses an election key that sums to O, and no dealings", () => {
    const a = deal(alice).dealing;
    const b = deal(bob).dealing;
    const negated = pointToWire(electionKey([a]).negate());
    expect(() => electionKey([a, { ...b, commitments: [negated, ...b.commitments.slice(1)] }])).toThrow(
      new TypeError("the election key is the identity point"),
    );
    expect(() => electionKey([])).toThrow(new TypeError("no dealings"));
  });

  it("- refuses bad parameters and a missing share", () => {
    const input = { referendumId, dealer: { index: 1, secretKey: alice.secretKey }, members };
    expect(() => createDealing({ ...input, threshold: 0 })).toThrow(RangeError);
    expect(() => createDealing({ ...input, threshold: 5 })).toThrow("need 1 <= t <= n <= 16, got t = 5, n = 4");
    expect(() => createDealing({ ...input, threshold: 1.5 })).toThrow(RangeError);
    expect(() => createDealing({ ...input, members: [...members.slice(1), members[1]!], threshold: 2 })).toThrow(
      new RangeError("member indices must be distinct integers in 1..16"),
    );
    expect(() =>
      createDealing({ ...input, members: [...members.slice(1), { ...members[0]!, index: 0 }], threshold: 2 }),
    ).toThrow(RangeError);
    expect(() =>
      createDealing({
        ...input,
        members: [...members.slice(1), { ...members[0]!, publicKey: IDENTITY }],
        threshold: 2,
      }),
    ).toThrow(new RangeError("a member's public key is the identity point"));
    expect(() => createDealing({ ...input, dealer: { index: 9, secretKey: 1n }, threshold: 2 })).toThrow(
      new RangeError("dealer 9 is not a member"),
    );
    const { dealing } = deal(alice);
    expect(() => check(bob, alice, { ...dealing, shares: [] })).toThrow(
      new TypeError("the dealing of 1 has no share for 2"),
    );
    expect(() =>
      secretShare([
        { dealer: 1, share: 1n },
        { dealer: 1, share: 2n },
      ]),
    ).toThrow(new TypeError("two shares from one dealer"));
  });
});

describe("# DKG result", () => {
  it("- gives every trustee a share on one polynomial whose public share anyone computes", () => {
    const dkg = runDkg(referendumId, 5, 3);
    for (const [index, share] of dkg.shares) {
      expect(mulG(share).equals(publicShare(index, dkg.dealings))).toBe(true);
      expect(dkg.publicShares.get(index)?.equals(mulG(share))).toBe(true);
    }
    expect(dkg.dealings.every((d) => dealingWire.safeParse(d).success)).toBe(true);
    // x = f(0) by interpolation from trustees 1, 2, 3: PK = x·G.
    const [x1, x2, x3] = [1, 2, 3].map((i) => dkg.shares.get(i) as bigint) as [bigint, bigint, bigint];
    const x = (3n * x1 - 3n * x2 + x3) % ORDER_L;
    expect(mulG(x).equals(dkg.electionKey)).toBe(true);
  });

  it("- rereads commitments changed in place since the last read", () => {
    const a = deal(alice).dealing;
    const before = electionKey([a]);
    a.commitments[0] = pointToWire(mulG(5n));
    expect(electionKey([a]).equals(mulG(5n))).toBe(true);
    expect(before.equals(mulG(5n))).toBe(false);
  });

  it("- works with t = 1 and n = 1", () => {
    const dkg = runDkg(referendumId, 1, 1);
    expect(mulG(dkg.shares.get(1) as bigint).equals(dkg.electionKey)).toBe(true);
  });
});

describe("# trustee keys and messages", () => {
  it("- signs messages that verify under the signer's key, kind and body only", () => {
    const body = { dealer: 1, recipient: 2 };
    expect(acknowledgementWire.parse(body)).toEqual(body);
    const signature = signTrusteeMessage(referendumId, "acknowledgement", body, bob.secretKey);
    expect(signedTrusteeMessageWire.safeParse({ referendumId, kind: "acknowledgement", body, signature }).success).toBe(
      true,
    );
    expect(verifyTrusteeMessage(referendumId, "acknowledgement", body, bob.publicKey, signature)).toBe(true);
    expect(verifyTrusteeMessage(referendumId, "complaint", body, bob.publicKey, signature)).toBe(false);
    expect(
      verifyTrusteeMessage(referendumId, "acknowledgement", { ...body, dealer: 3 }, bob.publicKey, signature),
    ).toBe(false);
    expect(verifyTrusteeMessage(referendumId, "acknowledgement", body, alice.publicKey, signature)).toBe(false);
    expect(verifyTrusteeMessage(referendumId, "acknowledgement", body, bob.publicKey, null)).toBe(false);
  });
});
