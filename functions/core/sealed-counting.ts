/**
 * Counting a secret-ballot referendum in the service: once the log is sealed, the aggregate of the
 * counted ballots' ciphertexts (recomputable by anyone from the sealed log), the trustees' partial
 * decryptions of exactly that aggregate, and the totals once t of them verify. The service never
 * holds a share: it can only check and relay what trustees publish.
 */
import { BlingError } from "../api/errors";
import type { AggregateView, ReferendumRecord } from "../api/views";
import type { Ciphertext } from "../../protocol/elgamal";
import {
  aggregateFromWire,
  aggregateToWire,
  finalPartialProblems,
  sealedAggregate,
  sealedBound,
  sealedCounts,
  type SealedTallyRecord,
} from "../../protocol/sealed-tally";
import type { PartialDecryption } from "../../protocol/threshold";
import type { SpecTrustees } from "../../protocol/trustee-transcript";
import type { ReferendumSpec } from "../../protocol/spec";
import { sealedSlotsOf } from "../../protocol/sealed-statement";
import { readAllEntries } from "./ballot-log-table";
import { numberField, stringField } from "./item-fields";
import type { CoreDeps } from "./ports";
import { getReferendum } from "./referendum-records";
import { tableKeys } from "./table-keys";

type SealedRecord = ReferendumRecord & { spec: ReferendumSpec & { trustees: SpecTrustees } };

function sealedRecord(record: ReferendumRecord): SealedRecord & { closing: NonNullable<ReferendumRecord["closing"]> } {
  if (!record.spec?.trustees) throw new BlingError("REFERENDUM_STATE", "This referendum's votes are not sealed.");
  if (!record.closing)
    throw new BlingError("REFERENDUM_STATE", "The aggregate exists once the log is sealed at the close.");
  return record as SealedRecord & { closing: NonNullable<ReferendumRecord["closing"]> };
}

/**
 * The aggregate of the sealed log, computed once and kept (the sealed log never changes): a
 * million ballots take about a minute to sum, and every trustee's partial is checked against it.
 */
async function aggregateOf(deps: CoreDeps, record: SealedRecord & { closing: { size: number } }) {
  const pk = tableKeys.referendum(record.id);
  const kept = await deps.store.get(pk, tableKeys.aggregate);
  if (kept && numberField(kept, "logSize") === record.closing.size) {
    return {
      aggregate: aggregateFromWire(kept.aggregate as string[][]),
      ballots: numberField(kept, "ballots"),
      voters: numberField(kept, "voters"),
      nullifierSetRoot: stringField(kept, "nullifierSetRoot"),
    };
  }
  const slots = sealedSlotsOf(record.spec.circuit.name);
  if (slots === null) throw new Error(`referendum ${record.id}: ${record.spec.circuit.name} is not a sealed circuit`);
  const computed = sealedAggregate(await readAllEntries(deps, record.id, record.closing.size), slots);
  await deps.store.put({
    pk,
    sk: tableKeys.aggregate,
    logSize: record.closing.size,
    ballots: computed.ballots,
    voters: computed.voters,
    nullifierSetRoot: computed.nullifierSetRoot,
    aggregate: aggregateToWire(computed.aggregate),
  });
  return computed;
}

async function partialsOf(deps: CoreDeps, id: string): Promise<PartialDecryption[]> {
  const items = await deps.store.query(tableKeys.referendum(id), { prefix: tableKeys.partialPrefix, limit: 100 });
  return items.map((item) => item.partial as unknown as PartialDecryption);
}

export async function aggregateView(deps: CoreDeps, id: string): Promise<AggregateView> {
  const record = sealedRecord(await getReferendum(deps, id));
  const computed = await aggregateOf(deps, record);
  const partials = await partialsOf(deps, id);
  return {
    logSize: record.closing.size,
    ballots: computed.ballots,
    voters: computed.voters,
    nullifierSetRoot: computed.nullifierSetRoot,
    bound: String(sealedBound(computed.voters, record.spec.rules.maxValue)),
    aggregate: aggregateToWire(computed.aggregate),
    decryptedBy: partials.map((p) => p.trustee).sort((a, b) => a - b),
    threshold: record.spec.trustees.threshold,
  };
}

/**
 * Takes a trustee's partial decryption of the aggregate, checked against its public share: only
 * a decryption of this aggregate verifies, so nothing else a trustee decrypted can be posted.
 * @returns How many trustees have decrypted, and how many the tally needs.
 */
export async function postPartial(
  deps: CoreDeps,
  id: string,
  partial: unknown,
): Promise<{ decryptedBy: number[]; threshold: number }> {
  const record = sealedRecord(await getReferendum(deps, id));
  const { aggregate } = await aggregateOf(deps, record);
  const problems = finalPartialProblems(id, record.spec.trustees, aggregate, partial);
  if (problems.length > 0)
    throw new BlingError(
      "PARTIAL_INVALID",
      problems[0],
      problems.map((message) => ({ path: "body", message })),
    );
  const valid = partial as PartialDecryption;
  const item = { pk: tableKeys.referendum(id), sk: tableKeys.partial(valid.trustee), partial: valid };
  // The first valid partial of a trustee stays: another valid one decrypts the same aggregate anyway.
  await deps.store.put(item, { absent: true });
  const partials = await partialsOf(deps, id);
  return {
    decryptedBy: partials.map((p) => p.trustee).sort((a, b) => a - b),
    threshold: record.spec.trustees.threshold,
  };
}

/**
 * The counts of a sealed referendum from its aggregate and the trustees' partials.
 * @throws BlingError TALLY_NEEDS_TRUSTEES with fewer than t valid partials.
 */
export async function sealedTally(
  deps: CoreDeps,
  record: ReferendumRecord,
): Promise<{ counts: string[]; ballots: number; voters: number; nullifierSetRoot: string; sealed: SealedTallyRecord }> {
  const sealed = sealedRecord(record);
  const computed = await aggregateOf(deps, sealed);
  const partials = await partialsOf(deps, record.id);
  const { threshold } = sealed.spec.trustees;
  const bound = sealedBound(computed.voters, sealed.spec.rules.maxValue);
  let counts: bigint[];
  try {
    counts = sealedCounts(record.id, sealed.spec.trustees, computed.aggregate, partials, bound);
  } catch (error) {
    if (partials.length < threshold)
      throw new BlingError(
        "TALLY_NEEDS_TRUSTEES",
        `${partials.length} of the ${threshold} trustees needed have published their partial decryptions.`,
      );
    throw error;
  }
  return {
    counts: counts.map(String),
    ballots: computed.ballots,
    voters: computed.voters,
    nullifierSetRoot: computed.nullifierSetRoot,
    sealed: { aggregate: aggregateToWire(computed.aggregate), bound: String(bound), partials },
  };
}

export type { Ciphertext };
