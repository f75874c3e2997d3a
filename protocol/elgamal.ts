/**
 * Exponential ElGamal on Baby Jubjub (SECRET-BALLOT.md, "Exponential ElGamal"): ballot
 * encryption as the circuit computes it, homomorphic sums, and baby-step giant-step for the
 * totals. Browser-safe.
 */
import { poseidon1 } from "poseidon-lite/poseidon1";
import {
  G,
  IDENTITY,
  ORDER_L,
  affineYs,
  curvePointFromWire,
  mul,
  mulG,
  pointFromWire,
  pointToWire,
  type Point,
} from "./babyjub";
import { requireFieldElement } from "./field";

/** (C1, C2) = (r·G, v·G + r·PK). */
export interface Ciphertext {
  c1: Point;
  c2: Point;
}

/** Encrypts the integer `value` under `pk` with randomness `r` (any integer; used mod l). */
export function encrypt(value: bigint, r: bigint, pk: Point): Ciphertext {
  return { c1: mulG(r), c2: mulG(value).add(mul(pk, r)) };
}

/**
 * The per-slot randomness of one ballot: s_0 = Poseidon(k), s_{i+1} = Poseidon(s_i), r_i = s_i.
 * A hash chain rather than r + i: related randomness would let differences of ciphertexts
 * reveal differences of votes.
 * @throws TypeError when k is not a field element or `slots` is not a non-negative integer.
 */
export function ballotRandomness(k: bigint, slots: number): bigint[] {
  requireFieldElement(k, "k");
  if (!Number.isSafeInteger(slots) || slots < 0) throw new TypeError("slots must be a non-negative integer");
  const out: bigint[] = [];
  let s = k;
  for (let i = 0; i < slots; i++) {
    s = poseidon1([s]);
    out.push(s);
  }
  return out;
}

/**
 * The ciphertexts a ballot carries: slot i encrypts votes[i] with r_i from `ballotRandomness(k)`.
 * @throws TypeError for a vote that is not a non-negative safe integer.
 */
export function encryptVotes(votes: readonly number[], pk: Point, k: bigint): Ciphertext[] {
  const randomness = ballotRandomness(k, votes.length);
  return votes.map((vote, i) => {
    if (!Number.isSafeInteger(vote) || vote < 0) throw new TypeError(`votes[${i}] must be a non-negative integer`);
    return encrypt(BigInt(vote), randomness[i] as bigint, pk);
  });
}

/** The four public signals of a slot, in circuit order: C1.x, C1.y, C2.x, C2.y. */
export function ciphertextToSignals(ciphertext: Ciphertext): [string, string, string, string] {
  return [...pointToWire(ciphertext.c1), ...pointToWire(ciphertext.c2)];
}

/**
 * Reads a slot's ciphertext from its four public signals.
 * @param options.proven The signals are outputs of a ballot proof that verified against the
 * anchored key: the circuit computes them as multiples of Base8 and PK, so they are in the
 * subgroup and only the curve equation is checked. The subgroup check is a full scalar
 * multiplication by l per point (milliseconds), which would dominate an aggregate of a million
 * ballots.
 * @throws TypeError naming `name` unless there are four signals forming two subgroup points.
 */
export function ciphertextFromSignals(
  signals: readonly unknown[],
  name: string,
  options: { proven?: boolean } = {},
): Ciphertext {
  if (signals.length !== 4) throw new TypeError(`${name} must be four signals (C1.x, C1.y, C2.x, C2.y)`);
  const read = options.proven === true ? curvePointFromWire : pointFromWire;
  return {
    c1: read([signals[0], signals[1]], `${name} C1`),
    c2: read([signals[2], signals[3]], `${name} C2`),
  };
}

/** The encryption of the sum of the two plaintexts. */
export function addCiphertexts(a: Ciphertext, b: Ciphertext): Ciphertext {
  return { c1: a.c1.add(b.c1), c2: a.c2.add(b.c2) };
}

/** The (O, O) encryption of 0: the empty sum. */
export function zeroCiphertext(): Ciphertext {
  return { c1: IDENTITY, c2: IDENTITY };
}

/**
 * Per-slot sums of many ballots' ciphertexts (the aggregate A_i).
 * @throws TypeError when a ballot does not have exactly `slots` ciphertexts.
 */
export function sumCiphertexts(ballots: readonly (readonly Ciphertext[])[], slots: number): Ciphertext[] {
  const c1s: Point[] = Array.from({ length: slots }, () => IDENTITY);
  const c2s: Point[] = Array.from({ length: slots }, () => IDENTITY);
  ballots.forEach((ballot, b) => {
    if (ballot.length !== slots) throw new TypeError(`ballot ${b} has ${ballot.length} ciphertexts, expected ${slots}`);
    ballot.forEach(({ c1, c2 }, i) => {
      c1s[i] = (c1s[i] as Point).add(c1);
      c2s[i] = (c2s[i] as Point).add(c2);
    });
  });
  return c1s.map((c1, i) => ({ c1, c2: c2s[i] as Point }));
}

/** The default table's largest size (about 100 MB of table in V8): enough for bounds up to 2^41. */
export const MAX_DEFAULT_BABY_STEPS = 2 ** 20;
/** The largest table a caller may ask for. */
export const MAX_BABY_STEPS = 2 ** 24;

// Points per batch inversion: large enough to amortise the inversion, small enough to stop early.
const CHUNK = 1024;

/**
 * Baby-step giant-step for x in [0, bound] with x·G = M, reusable across the slots of a tally.
 *
 * The table holds j·G for j in [0, m], keyed by the affine y alone: on a twisted Edwards curve
 * -(x, y) = (-x, y), so one entry covers ±j and each giant step spans 2m + 1 values. With
 * m ≈ sqrt(bound / 2) the table and the search each take about sqrt(bound / 2) additions.
 */
export class DiscreteLogTable {
  readonly bound: bigint;
  /** Baby steps m: the table covers j·G for j in [0, m]. */
  readonly babySteps: number;
  private readonly table = new Map<bigint, number>();
  private readonly stride: Point;
  private readonly strideLength: bigint;

  /**
   * @param babySteps Table size; sqrt(bound / 2) by default (fewest additions overall), capped at
   * MAX_DEFAULT_BABY_STEPS so a huge bound costs time in `solve` rather than memory here.
   * @throws RangeError when the bound is negative or not far below l (the log would be
   * ambiguous), or babySteps is not an integer in [1, MAX_BABY_STEPS].
   */
  constructor(bound: bigint, babySteps?: number) {
    if (bound < 0n || bound >= ORDER_L / 4n) throw new RangeError("the bound must be in [0, l/4)");
    this.bound = bound;
    this.babySteps = babySteps ?? DiscreteLogTable.defaultBabySteps(bound);
    if (!Number.isSafeInteger(this.babySteps) || this.babySteps < 1 || this.babySteps > MAX_BABY_STEPS) {
      throw new RangeError(`babySteps must be an integer in [1, ${MAX_BABY_STEPS}]`);
    }
    let point = IDENTITY;
    for (let start = 0; start <= this.babySteps; start += CHUNK) {
      const chunk: Point[] = [];
      for (let j = start; j <= this.babySteps && j < start + CHUNK; j++) {
        chunk.push(point);
        point = point.add(G);
      }
      affineYs(chunk).forEach((y, offset) => {
        // Distinct j in [0, m] have distinct y: only ±j share one, and m is far below l / 2.
        this.table.set(y, start + offset);
      });
    }
    this.strideLength = 2n * BigInt(this.babySteps) + 1n;
    this.stride = mulG(this.strideLength);
  }

  /** The default table size for a bound: sqrt(bound / 2), at most MAX_DEFAULT_BABY_STEPS. */
  static defaultBabySteps(bound: bigint): number {
    return Math.min(MAX_DEFAULT_BABY_STEPS, Math.max(1, Math.ceil(Math.sqrt(Number(bound) / 2))));
  }

  /**
   * The x in [0, bound] with x·G = m.
   * @throws Error "no total within the bound" when there is none (a wrong key, a bad partial
   * decryption or a bound too small).
   */
  solve(m: Point): bigint {
    const giantSteps = this.bound / this.strideLength + 1n;
    let q = m;
    for (let start = 0n; start <= giantSteps; start += BigInt(CHUNK)) {
      const chunk: Point[] = [];
      for (let i = start; i <= giantSteps && i < start + BigInt(CHUNK); i++) {
        chunk.push(q);
        q = q.subtract(this.stride);
      }
      const ys = affineYs(chunk);
      for (let offset = 0; offset < chunk.length; offset++) {
        const j = this.table.get(ys[offset] as bigint);
        if (j === undefined) continue;
        // The giant step is +j·G or -j·G; which one decides the sign.
        const base = (start + BigInt(offset)) * this.strideLength;
        const candidate = (chunk[offset] as Point).equals(mulG(BigInt(j))) ? base + BigInt(j) : base - BigInt(j);
        if (candidate >= 0n && candidate <= this.bound) return candidate;
      }
    }
    throw new Error(
      `no total within the bound [0, ${this.bound}]: wrong key, bad partial decryption or bound too small`,
    );
  }
}

/** x in [0, bound] with x·G = m, for a single use (`DiscreteLogTable` to reuse the table). */
export function discreteLog(m: Point, bound: bigint): bigint {
  return new DiscreteLogTable(bound).solve(m);
}

/** The plaintext of a ciphertext under a plain secret key, in [0, bound]: tests and the dry run. */
export function decrypt(ciphertext: Ciphertext, sk: bigint, bound: bigint): bigint {
  return discreteLog(ciphertext.c2.subtract(mul(ciphertext.c1, sk)), bound);
}
