/** A referendum's lifecycle: draft, update, open (freezes census and spec), close, and reads. */
import { bytesToHex } from "@noble/hashes/utils.js";
import {
  BALLOT_CIRCUIT,
  CENSUS_DEPTH,
  PROTOCOL_VERSION,
  SEALED_PROTOCOL_VERSION,
  SNARK_FIELD_SIZE,
  sealedCircuitFor,
  sealedCircuitName,
} from "../../protocol/constants";
import { BlingError } from "../api/errors";
import type { ReferendumDraft } from "../api/schemas";
import type { ReferendumSpec } from "../../protocol/spec";
import { specHash } from "../../protocol/spec";
import { rulesFromChoice } from "../api/rules-choice";
import { exactCensusInfo, ownedCensus } from "./census-service";
import { referendumCodec } from "./item-codecs";
import { getReferendum, ownedReferendum, referendumOf, saveReferendum } from "./referendum-records";
import { idOfKey, tableKeys } from "./table-keys";
import type { CircuitInfo, CoreDeps } from "./ports";
import { readHead } from "./ballot-log-table";
import { completedKeyGeneration } from "./trustee-service";
import { specTrustees } from "../../protocol/trustee-transcript";
import type { AnchorProgress, ClosingHead, ReferendumRecord, ReferendumState, Turnout } from "../api/views";

export type { AnchorProgress, ClosingHead, ReferendumRecord, ReferendumState, Turnout };
export { getReferendum, ownedReferendum, referendumOf, saveReferendum };

function invalid(path: string, message: string): BlingError {
  return new BlingError("INPUT_INVALID", `${path}: ${message}`, [{ path, message }]);
}

/**
 * What the draft schema cannot see: rules against the option count (for callers that skip the
 * schema) and the closing time against the service's clock. An opening time in the past is fine:
 * it means "open as soon as opened".
 * @throws BlingError INPUT_INVALID naming the field at fault.
 */
function checkDraft(deps: CoreDeps, draft: ReferendumDraft): void {
  if (draft.rules.preset === "approval" && draft.rules.maxApprovals > draft.options.length) {
    throw invalid("rules.maxApprovals", `at most ${draft.options.length} (the number of options)`);
  }
  try {
    rulesFromChoice(draft.rules, draft.options.length);
  } catch (error) {
    throw invalid("rules", (error as Error).message);
  }
  if (draft.closesAt * 1000 <= deps.clock.now()) throw invalid("closesAt", "the closing time has already passed");
  if (draft.trustees) {
    const circuit = sealedCircuitName(CENSUS_DEPTH, sealedCircuitFor(draft.options.length));
    if (!deps.circuits[circuit])
      throw invalid(
        "trustees",
        `a secret ballot of ${draft.options.length} options needs the ${circuit} circuit, which this service does not have yet`,
      );
  }
}

/** A fresh referendum id: a nonzero field element (it scopes the ballots' nullifiers). */
function newReferendumId(deps: CoreDeps): string {
  const id = BigInt(`0x${bytesToHex(deps.random.bytes(31))}`) % SNARK_FIELD_SIZE;
  return String(id === 0n ? 1n : id);
}

export async function createReferendum(
  deps: CoreDeps,
  councilId: string,
  draft: ReferendumDraft,
): Promise<ReferendumRecord> {
  await ownedCensus(deps, councilId, draft.censusId);
  checkDraft(deps, draft);
  const record: ReferendumRecord = {
    id: newReferendumId(deps),
    councilId,
    state: "draft",
    draft,
    spec: null,
    specHash: null,
    anchors: { opened: false, checkpointSize: 0, closed: false, tallied: false },
    createdAt: deps.clock.now(),
    version: 1,
  };
  if (!(await deps.store.put(referendumCodec.toItem(record), { absent: true })))
    throw new BlingError("REFERENDUM_EXISTS");
  await deps.store.put({ pk: tableKeys.referendaIndex, sk: tableKeys.referendum(record.id), councilId });
  return record;
}

export async function updateDraft(
  deps: CoreDeps,
  councilId: string,
  id: string,
  draft: ReferendumDraft,
): Promise<ReferendumRecord> {
  const record = await ownedReferendum(deps, councilId, id);
  if (record.state !== "draft") throw new BlingError("REFERENDUM_STATE", "Only a draft can be changed.");
  await ownedCensus(deps, councilId, draft.censusId);
  checkDraft(deps, draft);
  return saveReferendum(deps, { ...record, draft });
}

/** Ids of every referendum (public), or only those of one council: every page of the index. */
export async function listReferendumIds(deps: CoreDeps, councilId?: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (;;) {
    const items = await deps.store.query(tableKeys.referendaIndex, {
      prefix: tableKeys.referendumPrefix,
      after,
      limit: 1000,
    });
    for (const item of items)
      if (councilId === undefined || item.councilId === councilId)
        ids.push(idOfKey(item.sk, tableKeys.referendumPrefix));
    if (items.length < 1000) return ids;
    after = items[items.length - 1]?.sk;
  }
}

/** Live turnout: ballots in the log, distinct voters among them, and the size of the frozen census. */
export async function turnoutOf(deps: CoreDeps, record: ReferendumRecord): Promise<Turnout | null> {
  if (!record.spec) return null;
  const head = await readHead(deps, record.id);
  return { ballots: head.size, voters: head.voters, electorate: record.spec.census.size };
}

/** The service's circuit of that name: a spec only ever names a circuit the service can verify. */
function circuitFor(deps: CoreDeps, name: string): CircuitInfo {
  const circuit = deps.circuits[name];
  if (!circuit) throw new Error(`the service has no ${name} circuit`);
  return circuit;
}

/**
 * Opens a draft: freezes the census root, builds and hashes the public spec. Anchoring it on chain
 * is the anchor loop's job, so voting does not wait for (or fail with) the chain.
 */
export async function openReferendum(deps: CoreDeps, councilId: string, id: string): Promise<ReferendumRecord> {
  const record = await ownedReferendum(deps, councilId, id);
  if (record.state !== "draft") throw new BlingError("REFERENDUM_STATE", "Only a draft can be opened.");
  const { draft } = record;
  if (draft.closesAt * 1000 <= deps.clock.now()) {
    throw new BlingError("REFERENDUM_STATE", "The referendum's closing time has passed.");
  }
  const census = await exactCensusInfo(deps, draft.censusId);
  // An empty census has root 0, which no ballot can prove membership of (and the registry refuses).
  if (census.size === 0) throw new BlingError("CENSUS_EMPTY");
  // A secret ballot opens only on a key its trustees generated, checked and decrypted a test with.
  const trustees = draft.trustees ? specTrustees((await completedKeyGeneration(deps, record)).transcript) : undefined;
  const spec: ReferendumSpec = {
    protocol: trustees ? SEALED_PROTOCOL_VERSION : PROTOCOL_VERSION,
    id: record.id,
    councilId,
    title: draft.title,
    description: draft.description,
    options: draft.options,
    rules: rulesFromChoice(draft.rules, draft.options.length),
    revoting: draft.revoting,
    maxMergeDelay: draft.maxMergeDelay,
    opensAt: draft.opensAt,
    closesAt: draft.closesAt,
    census: { id: census.id, root: census.root, size: census.size, depth: census.depth },
    circuit: circuitFor(
      deps,
      trustees ? sealedCircuitName(CENSUS_DEPTH, sealedCircuitFor(draft.options.length)) : BALLOT_CIRCUIT,
    ),
    logPublicKey: deps.signer.publicKeyHex,
    ...(trustees ? { trustees } : {}),
  };
  // Into the live index (live-referenda.ts) before it is open, so the background work never misses it.
  await deps.store.put({ pk: tableKeys.liveIndex, sk: tableKeys.referendum(record.id) });
  return saveReferendum(deps, {
    ...record,
    state: "open",
    spec,
    specHash: specHash(spec),
    openedAt: deps.clock.now(),
  });
}

/**
 * The council closes voting early, for good: the close time is recorded (whole seconds, rounded up
 * so no ballot stamped before the council acted falls after it), the log is sealed at it and the
 * closing head anchored on chain, and the tally may follow at once.
 */
export async function closeReferendum(deps: CoreDeps, councilId: string, id: string): Promise<ReferendumRecord> {
  const record = await ownedReferendum(deps, councilId, id);
  const now = deps.clock.now();
  const close = effectiveClose(record);
  if (record.state !== "open" || close === null || now >= close * 1000)
    throw new BlingError("REFERENDUM_STATE", "Only an open referendum can be closed.");
  return saveReferendum(deps, { ...record, state: "closed", closedAt: Math.min(Math.ceil(now / 1000), close) });
}

/** When voting ends (Unix seconds): the scheduled close, or the council's earlier one; null for a draft. */
export function effectiveClose(record: ReferendumRecord): number | null {
  if (!record.spec) return null;
  return record.closedAt === undefined ? record.spec.closesAt : Math.min(record.spec.closesAt, record.closedAt);
}

/** Whether ballots are accepted at `now` (ms): open, and opensAt <= now < the effective close. */
export function isAccepting(record: ReferendumRecord, now: number): boolean {
  const close = effectiveClose(record);
  return (
    record.state === "open" &&
    record.spec !== null &&
    close !== null &&
    now >= record.spec.opensAt * 1000 &&
    now < close * 1000
  );
}

/** The state to report at `now` (ms): an open referendum is closed once its effective close has passed, by itself. */
export function stateAt(record: ReferendumRecord, now: number): ReferendumState {
  const close = effectiveClose(record);
  return record.state === "open" && close !== null && now >= close * 1000 ? "closed" : record.state;
}

/** The record as it reads at `now` (ms): its state as `stateAt` reports it. */
export function asOf(record: ReferendumRecord, now: number): ReferendumRecord {
  return { ...record, state: stateAt(record, now) };
}
