"use client";
/**
 * Casting a ballot from the vote page: the frozen census (already fetched by the page's membership
 * check), the artifacts downloaded once and checked (kept by the browser for the next vote), prove in the worker (timed as "bling-proof" for the benchmark), submit, keep the receipt.
 */
import type { Identity } from "../../../protocol/identity";
import { computeNullifier, type Ballot } from "../../../protocol/statement";
import type { Receipt } from "../../../protocol/log-objects";
import type { ReferendumSpec } from "../../../protocol/spec";
import type { PublicConfig } from "../../../functions/api/public-config";
import { ApiError, type PublicApi } from "../../lib/api-client";
import { fetchCheckedArtifact, fetchManifest } from "../../lib/artifacts";
import type { ProveRequest, ProveResponse } from "./prove-messages";
import { saveReceipt } from "./receipt-store";
import { frozenCensus } from "./membership";

export type CastStage =
  | { phase: "artifacts"; loaded: number; total: number }
  | { phase: "checking" }
  | { phase: "checked"; kept: boolean }
  | { phase: "census"; loaded: number; total: number }
  | { phase: "proving" }
  | { phase: "submitting" };

/** Why a ballot could not be made in this browser (API refusals are ApiErrors instead). */
export class CastError extends Error {
  constructor(
    readonly reason: "artifacts" | "not-in-census" | "prove-failed",
    detail: string,
  ) {
    super(detail);
    this.name = "CastError";
  }
}

/**
 * The named circuit's proving artifacts, each checked against the site's manifest, whose hashes
 * must be the ones the service publishes for that circuit (`/v1/config`): a site serving other
 * artifacts than the service verifies with would make ballots the service refuses.
 */
async function downloadArtifacts(
  api: PublicApi,
  circuit: string,
  onStage: (stage: CastStage) => void,
): Promise<{ wasm: Uint8Array; zkey: Uint8Array }> {
  try {
    const [manifest, config] = await Promise.all([fetchManifest(circuit), api.config()]);
    const published = (config.circuits as Partial<PublicConfig["circuits"]>)[circuit];
    const { wasm, zkey } = manifest.files;
    if (published && (published.wasmSha256 !== wasm.sha256 || published.zkeySha256 !== zkey.sha256))
      throw new Error(`the site's ${circuit} artifacts are not the ones the service verifies with`);
    const total = wasm.bytes + zkey.bytes;
    // Copies kept from an earlier visit are read and checked first; only missing files are downloaded.
    onStage({ phase: "checking" });
    let kept = true;
    const noteKept = (fromCache: boolean): void => {
      kept &&= fromCache;
    };
    const wasmBytes = await fetchCheckedArtifact(
      wasm,
      (loaded) => {
        onStage({ phase: "artifacts", loaded, total });
      },
      circuit,
      noteKept,
    );
    const zkeyBytes = await fetchCheckedArtifact(
      zkey,
      (loaded) => {
        onStage({ phase: "artifacts", loaded: wasm.bytes + loaded, total });
      },
      circuit,
      noteKept,
    );
    // Said only now: both files matched their published fingerprints.
    onStage({ phase: "checked", kept });
    return { wasm: wasmBytes, zkey: zkeyBytes };
  } catch (error) {
    throw new CastError("artifacts", (error as Error).message);
  }
}

/** The census as the referendum froze it: only its first `size` leaves (fetched once per page). */
async function downloadCensus(
  api: PublicApi,
  spec: ReferendumSpec,
  onStage: (stage: CastStage) => void,
): Promise<string[]> {
  const { size } = spec.census;
  onStage({ phase: "census", loaded: 0, total: size });
  const leaves = await frozenCensus(api, spec, (loaded) => {
    onStage({ phase: "census", loaded, total: size });
  });
  onStage({ phase: "census", loaded: size, total: size });
  return leaves;
}

/** Runs one proof in a fresh worker; marks the proving phase on the main thread's timeline. */
function proveInWorker(request: ProveRequest, onStage: (stage: CastStage) => void): Promise<Ballot> {
  const worker = new Worker(new URL("../../workers/prove.worker.ts", import.meta.url));
  return new Promise<Ballot>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ProveResponse>) => {
      const message = event.data;
      if (message.type === "census-ready") {
        performance.mark("bling-proof-start");
        onStage({ phase: "proving" });
        return;
      }
      worker.terminate();
      if (message.type === "proved") {
        performance.measure("bling-proof", "bling-proof-start");
        resolve(message.ballot);
      } else {
        reject(new CastError(message.reason, message.detail));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new CastError("prove-failed", event.message));
    };
    worker.postMessage(request, [request.wasm.buffer, request.zkey.buffer]);
  });
}

/**
 * Makes, submits and keeps one ballot.
 * @throws CastError when this browser cannot make the ballot, ApiError when the service refuses it.
 */
export async function castBallot(
  api: PublicApi,
  spec: ReferendumSpec,
  identity: Identity,
  votes: number[],
  onStage: (stage: CastStage) => void,
): Promise<Receipt> {
  // The census first: a key that is not in it need not download the 5.7 MB of artifacts.
  const leaves = await downloadCensus(api, spec, onStage);
  if (!leaves.includes(identity.commitment.toString())) throw new CastError("not-in-census", "not in the census");
  // The service, not this device, knows the voter's last revision: a key restored elsewhere has no receipts.
  const nullifier = computeNullifier(BigInt(spec.id), identity.secretScalar).toString();
  const { nextRevision } = await api.nullifier(spec.id, nullifier);
  if (nextRevision === null) throw new ApiError("BALLOT_NULLIFIER_USED", 409, "already voted");
  // Only the referendum's own circuit: a secret ballot's (K = 2 or 8) or the public-vote one.
  const { wasm, zkey } = await downloadArtifacts(api, spec.circuit.name, onStage);
  const ballot = await proveInWorker(
    {
      type: "prove",
      privateKey: Uint8Array.from(identity.privateKey),
      leaves,
      referendumId: spec.id,
      revision: nextRevision,
      votes,
      rules: spec.rules,
      wasm,
      zkey,
      ...(spec.trustees ? { electionKey: spec.trustees.electionKey } : {}),
    },
    onStage,
  );
  onStage({ phase: "submitting" });
  const receipt = await api.submitBallot(spec.id, ballot as Parameters<PublicApi["submitBallot"]>[1]);
  await saveReceipt(receipt);
  return receipt;
}
