pragma circom 2.1.5;

include "babyjub.circom";
include "bitify.circom";
include "comparators.circom";
include "escalarmulfix.circom";
include "montgomery.circom";
include "poseidon.circom";
include "binary-merkle-root.circom";

// 2^j·P for j in [0, n), in Montgomery form, from P in twisted Edwards form.
// Every slot of a ballot multiplies the same election key, so the doublings
// are paid once per proof instead of once per slot (as EscalarMulAny would).
// P must be in the prime-order subgroup and not the identity. The identity
// has no Montgomery form and fails the proof (EscalarMulAny instead swaps it
// for a fixed point and returns O: a ballot anyone could read); for (0, -1)
// the conversion leaves the Montgomery y free, and a point of small order
// reaches y = 0 where a doubling's slope is free. The circuit does not check it
// (a subgroup check costs more than the whole multiplication): every verifier
// refuses an electionKey that is not the spec's key, which the DKG and the
// spec parser hold to the subgroup and not O (protocol/SECRET-BALLOT.md).
template MontgomeryDoublings(n) {
    signal input p[2];
    signal output out[n][2];

    out[0] <== Edwards2Montgomery()(p);
    for (var j = 1; j < n; j++) {
        out[j] <== MontgomeryDouble()(out[j - 1]);
    }
}

// BabyAdd over [x, y] pairs.
template EdwardsAdd() {
    signal input a[2];
    signal input b[2];
    signal output out[2];

    component add = BabyAdd();
    add.x1 <== a[0];
    add.y1 <== a[1];
    add.x2 <== b[0];
    add.y2 <== b[1];
    out <== [add.xout, add.yout];
}

// a + sign·b in Montgomery form, sign = 2·bit - 1: negating a point is
// negating its y, so a signed digit costs one constraint where a skipped one
// (EscalarMulAny's multiplexer) costs two. The caller guarantees a != ±b.
template MontgomeryAddSigned() {
    signal input acc[2];
    signal input bit;
    signal input p[2];
    signal output out[2];

    signal y <== (2 * bit - 1) * p[1];
    out <== MontgomeryAdd()(acc, [p[0], y]);
}

// e·P for e = sum of bits[j]·2^j (n bits, 149 < n <= 254) and P (as
// MontgomeryDoublings requires it) given by its doublings D[j] = 2^j·P and
// its Edwards form.
//
// Signed digits: with d_j = 2·bits[j+1] - 1 in {-1, 1},
//   e + 1 - bits[0] = 2^(n-1) + sum over j < n-1 of d_j·2^j,
// so every step adds ±D[j] (no step is skipped) and the low bit is a final
// correction by -P when it is 0.
//
// Montgomery addition is incomplete: for equal inputs its slope is free (a
// prover could output any point), for opposite inputs it is unsatisfiable.
// So the digits are summed in two segments that each stay far below the
// group order l (about 2^251), lowest digit first, from a start larger than
// every later digit:
//   low:  start d_147·2^147, then d_0..d_146: before digit j >= 1 the sum is
//         odd, and below 2^148 in size, so never ±2^j, not even mod l; before
//         d_0 it is ±2^147, not ±1;
//   high: start 2^(n-1), then d_148..d_(n-2): in units of 2^148·P (also of
//         order l) the same argument with start 2^(n-149).
// Joined in Montgomery form the two sums could meet (their sizes reach past
// l), so the segments, the correction and the caller's additions use
// BabyAdd, which is complete on Baby Jubjub (a square, d not).
template SubgroupMul(n) {
    signal input bits[n];
    signal input doublings[n][2];
    signal input p[2];
    signal output out[2];

    var LOW = 148;

    signal low[LOW][2];
    low[0] <== [doublings[LOW - 1][0], (2 * bits[LOW] - 1) * doublings[LOW - 1][1]];
    for (var j = 0; j < LOW - 1; j++) {
        low[j + 1] <== MontgomeryAddSigned()(low[j], bits[j + 1], doublings[j]);
    }

    signal high[n - LOW][2];
    high[0] <== doublings[n - 1];
    for (var j = LOW; j < n - 1; j++) {
        high[j - LOW + 1] <== MontgomeryAddSigned()(high[j - LOW], bits[j + 1], doublings[j]);
    }

    signal lowEdwards[2] <== Montgomery2Edwards()(low[LOW - 1]);
    signal highEdwards[2] <== Montgomery2Edwards()(high[n - LOW - 1]);
    signal odd[2] <== EdwardsAdd()(lowEdwards, highEdwards);

    // Subtract P when bits[0] is 0: add (-x, y) or the identity (0, 1).
    signal correction[2];
    correction[0] <== (bits[0] - 1) * p[0];
    correction[1] <== 1 + (1 - bits[0]) * (p[1] - 1);
    out <== EdwardsAdd()(odd, correction);
}

// A sealed BLING ballot (protocol v2, protocol/SECRET-BALLOT.md): the v1.1
// statement of circuits/vote.circom over private votes ("I hold the secret of
// a commitment in the census under censusRoot, this is my nullifier for
// referendumId, this is my revision-th ballot, and my votes obey the rules"),
// and: every slot at or past `options` holds 0, and each slot's ciphertext is
// the exponential ElGamal encryption (r_i·G, v_i·G + r_i·PK) of its vote
// under electionKey, with r_0 = Poseidon(k), r_(i+1) = Poseidon(r_i) for a
// private seed k. Every public input is constrained (Groth16 lets anyone
// alter an unused one); the ciphertexts are inputs, not outputs, because
// snarkjs puts outputs before inputs and the layout is one list.
//
// MAX_DEPTH: census tree depth the circuit supports (LeanIMT may be shallower).
// K: number of vote slots. VALUE_BITS: every vote and maxValue are below 2^VALUE_BITS.
// REVISION_BITS: revisions run from 1 to 2^REVISION_BITS.
template SealedVote(MAX_DEPTH, K, VALUE_BITS, REVISION_BITS) {
    // Public inputs, in the order of the public-signal layout (protocol/constants.ts).
    signal input censusRoot;
    signal input referendumId;
    signal input nullifier;
    signal input revision;
    signal input electionKey[2];
    signal input options;
    signal input maxValue;
    signal input minTotal;
    signal input maxTotal;
    signal input costExponent;
    signal input ciphertext[K][4];

    // Private inputs.
    signal input vote[K];
    signal input k;
    signal input secret;
    signal input merkleProofLength, merkleProofIndex, merkleProofSiblings[MAX_DEPTH];

    // Totals are sums of K costs of at most (2^VALUE_BITS)^2 each. At least
    // the bits every verifier accepts rule values in (VOTE_TOTAL_BITS, for 8
    // slots), so a small K stays provable under any maxTotal a verifier takes.
    var kBits = 3;
    while ((1 << kBits) < K) { kBits++; }
    var TOTAL_BITS = 2 * VALUE_BITS + kBits;

    var BASE8[2] = [
        5299619240641551281634865583518297030282874472190772894086521144482721001553,
        16950150798460657717958625567821834550301663161624707787222815936182638968203
    ];

    // --- The v1.1 statement, as in circuits/vote.circom (see the reasons there).

    // secret < l: secret and secret + l give the same public key (two nullifiers).
    var l = 2736030358979909402780800718157159386076813972158567259200215660948447373041;
    signal secretInRange <== LessThan(251)([secret, l]);
    secretInRange === 1;

    var Ax, Ay;
    (Ax, Ay) = BabyPbk()(secret);
    signal commitment <== Poseidon(2)([Ax, Ay]);

    // BinaryMerkleRoot 2.x constrains every path selector to a bit; it returns
    // 0 for a length beyond MAX_DEPTH, as an empty census does, so bound it.
    _ <== Num2Bits(8)(merkleProofLength);
    _ <== Num2Bits(8)(MAX_DEPTH - merkleProofLength);
    signal computedRoot <== BinaryMerkleRoot(MAX_DEPTH)(commitment, merkleProofLength, merkleProofIndex, merkleProofSiblings);
    censusRoot === computedRoot;

    signal computedNullifier <== Poseidon(2)([referendumId, secret]);
    nullifier === computedNullifier;

    _ <== Num2Bits(REVISION_BITS)(revision - 1);

    // Rule values are public and range-checked by every verifier
    // (decodeSealedStatement), so only the votes and order checks are here.
    (costExponent - 1) * (costExponent - 2) === 0;

    // --- Options in use: a thermometer active[i] = (i < options). From
    // active[0] = 1 and active[i]·(active[i-1] - active[i]) = 0 each active[i]
    // is 0 or a copy of the one before, so the row is 1...10...0 and its sum,
    // options, lies in 1..K: the range check comes for free.
    signal active[K];
    active[0] <== 1;
    var activeCount = 1;
    for (var i = 1; i < K; i++) {
        active[i] <-- i < options ? 1 : 0;
        active[i] * (active[i - 1] - active[i]) === 0;
        activeCount += active[i];
    }
    options === activeCount;

    var total = 0;
    signal voteBits[K][VALUE_BITS];
    signal square[K];
    signal cost[K];
    for (var i = 0; i < K; i++) {
        voteBits[i] <== Num2Bits(VALUE_BITS)(vote[i]);
        _ <== Num2Bits(VALUE_BITS)(maxValue - vote[i]);
        // A slot past the options in use carries 0 (slot 0 is always in use).
        if (i > 0) {
            vote[i] * (1 - active[i]) === 0;
        }
        // cost = v + (e - 1)·(v^2 - v): v for e = 1, v^2 for e = 2.
        square[i] <== vote[i] * vote[i];
        cost[i] <== vote[i] + (costExponent - 1) * (square[i] - vote[i]);
        total += cost[i];
    }
    _ <== Num2Bits(TOTAL_BITS)(total - minTotal);
    _ <== Num2Bits(TOTAL_BITS)(maxTotal - total);

    // --- Encryption.
    //
    // r_i is split with Num2Bits(254), not Num2Bits_strict: for r_i < 2^254 - p
    // a prover may give the bits of r_i + p instead, a different scalar mod l.
    // It is the same scalar in C1 and in C2, so the slot is still an honest
    // encryption of v_i under electionKey (C2 - sk·C1 = v_i·G), only with
    // randomness off the Poseidon chain. The chain exists for the voter's own
    // privacy (independent r_i); a prover who leaves it gains nothing they
    // could not get from another k, and the alias check would cost about 135
    // constraints per slot.
    signal doublings[254][2] <== MontgomeryDoublings(254)(electionKey);

    signal r[K];
    signal rBits[K][254];
    signal c1[K][2];
    signal votePoint[K][2];
    signal keyShare[K][2];
    signal c2[K][2];
    for (var i = 0; i < K; i++) {
        r[i] <== Poseidon(1)([i == 0 ? k : r[i - 1]]);
        rBits[i] <== Num2Bits(254)(r[i]);
        // EscalarMulFix's accumulator stays above the window it adds, so no
        // Montgomery step adds a point to itself (a free slope); its one
        // reachable exceptional sum, exactly l·G, is a point and its opposite
        // and makes the proof fail, for one value of the low 249 bits of r_i.
        c1[i] <== EscalarMulFix(254, BASE8)(rBits[i]);
        // For v = 0 EscalarMulFix returns exactly the identity (0, 1): it
        // computes S - Q for fixed S = Q with the complete BabyAdd, and its
        // Montgomery steps only ever add distinct fixed multiples of G.
        votePoint[i] <== EscalarMulFix(VALUE_BITS, BASE8)(voteBits[i]);
        keyShare[i] <== SubgroupMul(254)(rBits[i], doublings, electionKey);
        c2[i] <== EdwardsAdd()(votePoint[i], keyShare[i]);

        ciphertext[i][0] === c1[i][0];
        ciphertext[i][1] === c1[i][1];
        ciphertext[i][2] === c2[i][0];
        ciphertext[i][3] === c2[i][1];
    }
}
