/**
 * The secret-ballot crypto core (protocol/babyjub, elgamal, dkg, threshold) in one process:
 * the trustees' DKG, the aggregate of many ballots, partial decryption with its proofs, and the
 * combination with baby-step giant-step (table build shown apart: a tally reuses one table for
 * every slot). Ciphertexts for the aggregate cycle through a pool of real encryptions: adding
 * costs the same whatever the points, and a million encryptions would take hours.
 */
import { mulG, randomScalar, type Point } from "../protocol/babyjub";
import { checkDealing, createDealing, electionKey, publicShare, secretShare, validateDealing } from "../protocol/dkg";
import {
  DiscreteLogTable,
  ciphertextFromSignals,
  ciphertextToSignals,
  encryptVotes,
  sumCiphertexts,
  type Ciphertext,
} from "../protocol/elgamal";
import { combinePartials, partialDecrypt, verifyPartialDecryption } from "../protocol/threshold";
import { printTable } from "./table";

const REFERENDUM_ID = "4242";
const POOL = 256;
const AGGREGATES = (process.env.BENCH_CRYPTO_AGGREGATES ?? "1000,100000,1000000").split(",").map(Number);
/** Above this many ballots the aggregate sums one slot (a second slot doubles the time). */
const ONE_SLOT_ABOVE = Number(process.env.BENCH_CRYPTO_ONE_SLOT_ABOVE ?? 1_000_000);

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(1)} ms`;
}

interface Dkg {
  pk: Point;
  shares: Map<number, bigint>;
  publicShares: Map<number, Point>;
}

function benchDkg(rows: (string | number)[][], n: number, t: number): Dkg {
  const trustees = Array.from({ length: n }, (_, i) => {
    const secretKey = randomScalar();
    return { index: i + 1, secretKey, publicKey: mulG(secretKey) };
  });
  const members = trustees.map(({ index, publicKey }) => ({ index, publicKey }));
  const [dealt, dealMs] = timed(() =>
    trustees.map((d) =>
      createDealing({
        referendumId: REFERENDUM_ID,
        dealer: { index: d.index, secretKey: d.secretKey },
        members,
        threshold: t,
      }),
    ),
  );
  const dealings = dealt.map((d) => d.dealing);
  const [, validateMs] = timed(() => {
    dealings.forEach((dealing) => {
      const problems = validateDealing({
        referendumId: REFERENDUM_ID,
        dealing,
        members: members.map((m) => m.index),
        threshold: t,
      });
      if (problems.length > 0) throw new Error(problems.join("; "));
    });
  });
  const [shares, checkMs] = timed(
    () =>
      new Map(
        trustees.map((m, mi) => {
          const received = [{ dealer: m.index, share: dealt[mi]!.ownShare }];
          trustees.forEach((j, ji) => {
            if (ji === mi) return;
            const result = checkDealing({
              referendumId: REFERENDUM_ID,
              recipient: { index: m.index, secretKey: m.secretKey },
              dealerPublicKey: j.publicKey,
              dealing: dealings[ji]!,
            });
            if (!result.ok) throw new Error("an honest dealing failed");
            received.push({ dealer: j.index, share: result.share });
          });
          return [m.index, secretShare(received)];
        }),
      ),
  );
  const [result, keysMs] = timed(() => ({
    pk: electionKey(dealings),
    publicShares: new Map(trustees.map((m) => [m.index, publicShare(m.index, dealings)])),
  }));
  const label = `DKG n=${n} t=${t}`;
  rows.push([`${label}: deal (one trustee)`, ms(dealMs / n)]);
  rows.push([`${label}: validate every dealing (anyone)`, ms(validateMs)]);
  rows.push([`${label}: open and check ${n - 1} shares (one trustee)`, ms(checkMs / n)]);
  rows.push([`${label}: election key and ${n} public shares (anyone)`, ms(keysMs)]);
  rows.push([`${label}: whole DKG, all trustees in one thread`, ms(dealMs + validateMs + checkMs + keysMs)]);
  return { ...result, shares };
}

function benchAggregate(rows: (string | number)[][], pk: Point): void {
  const pool = Array.from({ length: POOL }, (_, i) => encryptVotes([i % 2, (i + 1) % 2], pk, randomScalar()));
  const signals = pool.map((ballot) => ballot.map(ciphertextToSignals));
  const [, parseChecked] = timed(() => {
    signals.forEach((b) => {
      b.forEach((s, i) => ciphertextFromSignals(s, `slot ${i}`));
    });
  });
  const [, parseProven] = timed(() => {
    signals.forEach((b) => {
      b.forEach((s, i) => ciphertextFromSignals(s, `slot ${i}`, { proven: true }));
    });
  });
  rows.push(["read a 2-slot ballot's signals, subgroup-checked", ms(parseChecked / POOL)]);
  rows.push(["read a 2-slot ballot's signals, proven (curve only)", ms(parseProven / POOL)]);
  for (const count of AGGREGATES) {
    const slots = count > ONE_SLOT_ABOVE ? 1 : 2;
    const ballots: Ciphertext[][] = Array.from({ length: count }, (_, i) => pool[i % POOL]!.slice(0, slots));
    const [, sumMs] = timed(() => sumCiphertexts(ballots, slots));
    rows.push([`aggregate ${count.toLocaleString("en")} ballots, ${slots} slot${slots > 1 ? "s" : ""}`, ms(sumMs)]);
  }
}

function benchPartials(rows: (string | number)[][], dkg: Dkg, t: number, slots: number): void {
  const ciphertexts = sumCiphertexts(
    Array.from({ length: 4 }, () =>
      encryptVotes(
        Array.from({ length: slots }, (_, i) => i % 2),
        dkg.pk,
        randomScalar(),
      ),
    ),
    slots,
  );
  const share = dkg.shares.get(1)!;
  const [partial, decryptMs] = timed(() =>
    partialDecrypt({ referendumId: REFERENDUM_ID, index: 1, share }, ciphertexts),
  );
  const [problems, verifyMs] = timed(() =>
    verifyPartialDecryption(REFERENDUM_ID, partial, dkg.publicShares.get(1)!, ciphertexts),
  );
  if (problems.length > 0) throw new Error(problems.join("; "));
  rows.push([`partial decryption, ${slots} slots (one trustee)`, ms(decryptMs)]);
  rows.push([`verify a partial decryption, ${slots} slots`, ms(verifyMs)]);
  const partials = [1, 2, 3]
    .slice(0, t)
    .map((index) => partialDecrypt({ referendumId: REFERENDUM_ID, index, share: dkg.shares.get(index)! }, ciphertexts));
  const [, combineMs] = timed(() =>
    combinePartials({
      referendumId: REFERENDUM_ID,
      ciphertexts,
      partials,
      publicShares: dkg.publicShares,
      threshold: t,
      bound: 4n,
    }),
  );
  rows.push([`combine t=${t} partials, ${slots} slots (verify + Lagrange, bound 4)`, ms(combineMs)]);
}

function benchDiscreteLog(rows: (string | number)[][], exponent: number): void {
  const bound = 1n << BigInt(exponent);
  const [table, buildMs] = timed(() => new DiscreteLogTable(bound));
  rows.push([
    `BSGS bound 2^${exponent}: build table (${table.babySteps.toLocaleString("en")} baby steps)`,
    ms(buildMs),
  ]);
  for (const [label, total] of [
    ["total 0", 0n],
    ["total = bound (worst case)", bound],
  ] as const) {
    const [found, solveMs] = timed(() => table.solve(mulG(total)));
    if (found !== total) throw new Error(`BSGS found ${found}, expected ${total}`);
    rows.push([`BSGS bound 2^${exponent}: solve one slot, ${label}`, ms(solveMs)]);
  }
}

export async function benchCrypto(): Promise<void> {
  const rows: (string | number)[][] = [];
  const n = 5;
  const t = 3;
  const dkg = benchDkg(rows, n, t);
  benchAggregate(rows, dkg.pk);
  for (const slots of [2, 8]) benchPartials(rows, dkg, t, slots);
  for (const exponent of [20, 35]) benchDiscreteLog(rows, exponent);
  printTable("Secret-ballot crypto (Baby Jubjub, noble 2.x, one thread)", ["step", "time"], rows);
  return Promise.resolve();
}
