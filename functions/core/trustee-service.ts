/**
 * The trustees' key generation as the service relays it (protocol/SECRET-BALLOT.md): the council
 * invites the drafted trustees, each joins with its invitation code and a key of its own, then
 * deals, checks and decrypts the dry-run ciphertext. The service only stores signed messages after
 * checking them against the public transcript; it never holds a share in the clear, and everything
 * it stores is public, so anyone can re-judge the transcript (`assessTranscript`).
 *
 * Every message is one conditional write of an item of its own (no transactions): the first
 * message of a trustee for a round wins, the same message again is answered as accepted, another
 * one is refused.
 */
import { BlingError } from "../api/errors";
import type { TrusteesChoice } from "../api/schemas";
import { canonicalBytes } from "../../protocol/canonical-json";
import {
  assessTranscript,
  checkProblems,
  dealingProblems,
  dryRunProblems,
  trusteeKeyProblems,
  type DkgAssessment,
  type DkgTranscript,
  type DkgMessageBody,
  type TrusteeKey,
} from "../../protocol/trustee-transcript";
import { CODE_RANDOM_BYTES, formatCode, hashCode, normalizeCode } from "./registration-codes";
import { numberField } from "./item-fields";
import type { CoreDeps, TableItem } from "./ports";
import { getReferendum, ownedReferendum } from "./referendum-records";
import { tableKeys, type DkgMessageKind } from "./table-keys";
import type { DkgView, ReferendumRecord, TrusteeInvitation } from "../api/views";

export type { DkgView, TrusteeInvitation };

/** The key generation's bookkeeping: which attempt is current and whom it invited. */
interface DkgMeta {
  attempt: number;
  names: string[];
  threshold: number;
  codeHashes: string[];
  startedAt: number;
}

function metaOf(item: TableItem | null): DkgMeta | null {
  if (!item) return null;
  return {
    attempt: numberField(item, "attempt"),
    names: (item.names as string[] | undefined) ?? [],
    threshold: numberField(item, "threshold"),
    codeHashes: (item.codeHashes as string[] | undefined) ?? [],
    startedAt: numberField(item, "startedAt"),
  };
}

/** What a trustee code is hashed under: the referendum and the attempt, so an old invitation never joins a new attempt. */
const codeScope = (id: string, attempt: number): string => `trustee:${id}:${attempt}`;

const sameTrustees = (meta: DkgMeta, drafted: TrusteesChoice | undefined): boolean =>
  drafted !== undefined &&
  drafted.threshold === meta.threshold &&
  drafted.names.length === meta.names.length &&
  drafted.names.every((name, i) => name === meta.names[i]);

/**
 * Starts a key-generation attempt for a draft's trustees: fresh invitation codes, and every message
 * of an earlier attempt left behind (a failed attempt stays readable, but counts for nothing).
 * @throws BlingError TRUSTEES_NOT_DRAFTED, REFERENDUM_STATE (not a draft).
 */
export async function inviteTrustees(deps: CoreDeps, councilId: string, id: string): Promise<TrusteeInvitation[]> {
  const record = await ownedReferendum(deps, councilId, id);
  if (record.state !== "draft") throw new BlingError("REFERENDUM_STATE", "Trustees are invited before opening.");
  const { trustees } = record.draft;
  if (!trustees) throw new BlingError("TRUSTEES_NOT_DRAFTED");
  const pk = tableKeys.referendum(id);
  const previous = metaOf(await deps.store.get(pk, tableKeys.dkg));
  const attempt = (previous?.attempt ?? 0) + 1;
  const codes = trustees.names.map(() => formatCode(deps.random.bytes(CODE_RANDOM_BYTES)));
  const meta: DkgMeta = {
    attempt,
    names: trustees.names,
    threshold: trustees.threshold,
    codeHashes: codes.map((code) => hashCode(deps.codeKey, codeScope(id, attempt), normalizeCode(code) as string)),
    startedAt: deps.clock.now(),
  };
  const written = await deps.store.put(
    { pk, sk: tableKeys.dkg, ...meta },
    previous ? { match: { attempt: previous.attempt } } : { absent: true },
  );
  if (!written) throw new BlingError("REFERENDUM_STATE", "Trustees were invited meanwhile; reload and retry.");
  return trustees.names.map((name, i) => ({ index: i + 1, name, code: codes[i] as string }));
}

async function currentMeta(deps: CoreDeps, id: string): Promise<DkgMeta> {
  const meta = metaOf(await deps.store.get(tableKeys.referendum(id), tableKeys.dkg));
  if (!meta) throw new BlingError("DKG_STATE", "No trustees have been invited for this referendum.");
  return meta;
}

const messageBody = (item: TableItem): unknown => item.body;

/** The whole public transcript of the current attempt, read in one query. */
async function readTranscript(deps: CoreDeps, id: string, meta: DkgMeta): Promise<DkgTranscript> {
  const items = await deps.store.query(tableKeys.referendum(id), {
    prefix: tableKeys.dkgAttemptPrefix(meta.attempt),
    limit: 4 * meta.names.length + 1,
  });
  const of = (kind: DkgMessageKind) =>
    items.filter((item) => item.sk.startsWith(`${tableKeys.dkgAttemptPrefix(meta.attempt)}${kind}#`));
  const keys = new Map(of("MEMBER").map((item) => [numberField(item, "index"), messageBody(item) as TrusteeKey]));
  return {
    referendumId: id,
    attempt: meta.attempt,
    threshold: meta.threshold,
    members: meta.names.map((name, i) => ({ index: i + 1, name, key: keys.get(i + 1) ?? null })),
    dealings: of("DEAL").map(messageBody) as DkgTranscript["dealings"],
    checks: of("CHECK").map(messageBody) as DkgTranscript["checks"],
    dryRun: of("DRY").map(messageBody) as DkgTranscript["dryRun"],
  };
}

/** The key generation of a referendum, as anyone may read it (it holds no secret). */
export async function dkgView(deps: CoreDeps, id: string): Promise<DkgView> {
  const record = await getReferendum(deps, id);
  const meta = await currentMeta(deps, id);
  const transcript = await readTranscript(deps, id, meta);
  return {
    referendumId: id,
    title: record.draft.title,
    transcript,
    assessment: assessTranscript(transcript),
    current: record.state !== "draft" || sameTrustees(meta, record.draft.trustees),
  };
}

/** Stores a trustee's message once: the same message again is fine, a different one is refused. */
async function storeMessage(
  deps: CoreDeps,
  id: string,
  meta: DkgMeta,
  kind: DkgMessageKind,
  index: number,
  body: unknown,
): Promise<void> {
  const item: TableItem = {
    pk: tableKeys.referendum(id),
    sk: tableKeys.dkgMessage(meta.attempt, kind, index),
    index,
    body: body as TableItem[string],
  };
  if (await deps.store.put(item, { absent: true })) return;
  const stored = await deps.store.get(item.pk, item.sk);
  const same = stored !== null && bytesEqual(canonicalBytes(stored.body ?? null), canonicalBytes(item.body ?? null));
  if (!same) throw new BlingError("DKG_MESSAGE_CONFLICT");
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function refuseProblems(problems: string[], code: "DKG_MESSAGE_INVALID" = "DKG_MESSAGE_INVALID"): void {
  if (problems.length === 0) return;
  throw new BlingError(
    code,
    problems[0] ?? "",
    problems.map((message) => ({ path: "body", message })),
  );
}

/** Only a draft whose trustee list is still the invited one takes key-generation messages. */
function requireDraftFor(record: ReferendumRecord, meta: DkgMeta): void {
  if (record.state !== "draft") throw new BlingError("REFERENDUM_STATE", "The referendum is already open.");
  if (!sameTrustees(meta, record.draft.trustees))
    throw new BlingError("DKG_STATE", "The trustee list changed after the invitations; the council invites again.");
}

/**
 * A trustee joins the current attempt: its invitation code names its index, the key is proved.
 * @returns The trustee's index and the attempt it joined.
 */
export async function joinKeyGeneration(
  deps: CoreDeps,
  id: string,
  join: { code: string; key: TrusteeKey },
): Promise<{ index: number; attempt: number }> {
  const record = await getReferendum(deps, id);
  const meta = await currentMeta(deps, id);
  requireDraftFor(record, meta);
  const normalized = normalizeCode(join.code);
  const hash = normalized && hashCode(deps.codeKey, codeScope(id, meta.attempt), normalized);
  const index = hash ? meta.codeHashes.indexOf(hash) + 1 : 0;
  if (index === 0) throw new BlingError("TRUSTEE_CODE_UNKNOWN");
  refuseProblems(trusteeKeyProblems(await readTranscript(deps, id, meta), index, join.key));
  try {
    await storeMessage(deps, id, meta, "MEMBER", index, join.key);
  } catch (error) {
    if (error instanceof BlingError && error.code === "DKG_MESSAGE_CONFLICT") throw new BlingError("TRUSTEE_JOINED");
    throw error;
  }
  return { index, attempt: meta.attempt };
}

const ROUND: Record<Exclude<DkgMessageKind, "MEMBER">, DkgAssessment["status"]> = {
  DEAL: "dealing",
  CHECK: "checking",
  DRY: "dry-run",
};

/**
 * Takes a trustee's dealing, check or dry-run partial decryption, after checking it against the
 * transcript so far (signature, structure, proofs). The round must be the current one: a check
 * before every dealing is in would judge an incomplete transcript.
 * @returns The assessment with the message in.
 */
export async function postDkgMessage(
  deps: CoreDeps,
  id: string,
  kind: Exclude<DkgMessageKind, "MEMBER">,
  message: DkgMessageBody,
): Promise<DkgAssessment> {
  const record = await getReferendum(deps, id);
  const meta = await currentMeta(deps, id);
  requireDraftFor(record, meta);
  const transcript = await readTranscript(deps, id, meta);
  const before = assessTranscript(transcript);
  // A trustee may still deal while others are dealing, and so on: the round is the earliest open one.
  if (before.status !== ROUND[kind] && !(kind === "DRY" && before.status === "complete"))
    throw new BlingError("DKG_STATE", `The key generation is at "${before.status}", not "${ROUND[kind]}".`);
  const { index, problems } =
    kind === "DEAL"
      ? dealingProblems(transcript, message)
      : kind === "CHECK"
        ? checkProblems(transcript, message)
        : dryRunProblems(transcript, message);
  refuseProblems(problems);
  await storeMessage(deps, id, meta, kind, index, message);
  return assessTranscript(await readTranscript(deps, id, meta));
}

/** The trustees block of a spec, for opening: only from a completed key generation of the drafted trustees. */
export async function completedKeyGeneration(deps: CoreDeps, record: ReferendumRecord): Promise<DkgView> {
  const view = await dkgView(deps, record.id).catch((error: unknown) => {
    if (error instanceof BlingError && error.code === "DKG_STATE")
      throw new BlingError("DKG_INCOMPLETE", "The trustees have not been invited yet.");
    throw error;
  });
  if (!view.current)
    throw new BlingError(
      "DKG_INCOMPLETE",
      "The trustee list changed after the invitations; invite the trustees again.",
    );
  if (view.assessment.status !== "complete")
    throw new BlingError(
      "DKG_INCOMPLETE",
      `The trustees' key generation is at "${view.assessment.status}"${
        view.assessment.waitingFor.length > 0 ? `, waiting for trustee ${view.assessment.waitingFor.join(", ")}` : ""
      }.`,
    );
  return view;
}
