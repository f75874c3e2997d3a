pragma circom 2.1.5;

include "babyjub.circom";
include "bitify.circom";
include "comparators.circom";
include "poseidon.circom";
include "binary-merkle-root.circom";

// Cost of one vote under the ballot's cost exponent (1 or 2), without a
// branch: cost = v + (e - 1) * (v^2 - v), so e = 1 gives v and e = 2 gives v^2.
// The caller constrains e to {1, 2}.
template VoteCost() {
    signal input vote, isQuadratic;
    signal output cost;

    signal square <== vote * vote;
    cost <== vote + isQuadratic * (square - vote);
}

// A BLING ballot: "I hold the secret of a commitment in the census under
// censusRoot, this is my nullifier for referendumId, this is my revision-th
// ballot in it, and my votes obey the rules". Every public input is
// constrained, so none of them can be altered after proving (Groth16
// malleability of unused public inputs). The revision is bound by the proof
// so that only the key holder can make a newer ballot: a malleated copy of an
// old proof keeps its old revision, which the service and observers refuse.
//
// MAX_DEPTH: census tree depth the circuit supports (LeanIMT may be shallower).
// K: number of vote slots. VALUE_BITS: every vote and maxValue are below 2^VALUE_BITS.
// REVISION_BITS: revisions run from 1 to 2^REVISION_BITS.
template Vote(MAX_DEPTH, K, VALUE_BITS, REVISION_BITS) {
    // Public inputs, in the order of the public-signal layout (circuits/src/constants.ts).
    signal input censusRoot;
    signal input referendumId;
    signal input nullifier;
    signal input revision;
    signal input vote[K];
    signal input maxValue;
    signal input minTotal;
    signal input maxTotal;
    signal input costExponent;

    // Private inputs.
    signal input secret;
    signal input merkleProofLength, merkleProofIndex, merkleProofSiblings[MAX_DEPTH];

    // Totals are sums of K costs of at most (2^VALUE_BITS)^2 each.
    var kBits = 0;
    while ((1 << kBits) < K) { kBits++; }
    var TOTAL_BITS = 2 * VALUE_BITS + kBits;

    // The secret scalar must be below the Baby Jubjub subgroup order l, as in
    // Semaphore v4: secret and secret + l give the same public key, so without
    // this one identity could make two nullifiers and vote twice.
    var l = 2736030358979909402780800718157159386076813972158567259200215660948447373041;
    signal secretInRange <== LessThan(251)([secret, l]);
    secretInRange === 1;

    // Identity: commitment = Poseidon(Ax, Ay) of the Baby Jubjub public key.
    var Ax, Ay;
    (Ax, Ay) = BabyPbk()(secret);
    signal commitment <== Poseidon(2)([Ax, Ay]);

    // Membership. BinaryMerkleRoot 2.x splits the index with Num2Bits, so every
    // path selector is a bit (the unconstrained selectors of @zk-kit/circuits
    // 0.4 let a prover forge paths). It returns 0 for a length beyond
    // MAX_DEPTH, and an empty census has root 0 too, so bound the length here.
    _ <== Num2Bits(8)(merkleProofLength);
    _ <== Num2Bits(8)(MAX_DEPTH - merkleProofLength);
    signal computedRoot <== BinaryMerkleRoot(MAX_DEPTH)(commitment, merkleProofLength, merkleProofIndex, merkleProofSiblings);
    censusRoot === computedRoot;

    // One nullifier per identity and referendum.
    signal computedNullifier <== Poseidon(2)([referendumId, secret]);
    nullifier === computedNullifier;

    // A revision is at least 1 and fits REVISION_BITS (so a revision 0 or a
    // wrapped field element cannot stand before a voter's first ballot).
    _ <== Num2Bits(REVISION_BITS)(revision - 1);

    // Rules. An order check a <= b is one range check, b - a in [0, 2^n),
    // where a and b are known to lie in [0, 2^n) (the length check above too). Votes are range-checked here and the
    // total is below 2^TOTAL_BITS by construction; the public rule values are
    // not, because every verifier already holds them (they must equal the
    // referendum's) and checks their ranges (decodeBallotStatement), which
    // saves three range checks per proof.
    (costExponent - 1) * (costExponent - 2) === 0;

    var total = 0;
    signal cost[K];
    for (var i = 0; i < K; i++) {
        _ <== Num2Bits(VALUE_BITS)(vote[i]);
        _ <== Num2Bits(VALUE_BITS)(maxValue - vote[i]);
        cost[i] <== VoteCost()(vote[i], costExponent - 1);
        total += cost[i];
    }

    _ <== Num2Bits(TOTAL_BITS)(total - minTotal);
    _ <== Num2Bits(TOTAL_BITS)(maxTotal - total);
}
