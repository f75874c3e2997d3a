/**
 * The observer's audit in the browser, off the main thread: downloads everything public about one
 * referendum (the API and the registry on the chain), verifies every proof with the batch pairing
 * verifier (mcl, WebAssembly) and runs the same named checks as `bling verify`.
 */
import { auditReferendum } from "../../audit/audit";
import { ceremonyCheck, withCeremonyCheck } from "../../audit/ceremony-check";
import { trustCircuit, type LoadedCircuit } from "../../audit/anchor-checks";
import type { AuditBundle } from "../../audit/bundle";
import { fetchBundle } from "../../audit/fetch-bundle";
import type { AuditReport, CheckId, CheckResult } from "../../audit/report";
import { createBatchPairingVerifier } from "../../protocol/pairing-verifier";
import type { Ballot } from "../../protocol/statement";
import { createPublicClient } from "../../functions/api/client";
import { BALLOT_CIRCUIT } from "../../protocol/constants";
import type { ArtifactManifest } from "../../protocol/manifest";
import { fetchCheckedArtifact, fetchManifest } from "../lib/artifacts";
import type { VerifyEvent, VerifyFacts, VerifyPhase, VerifyRequest } from "../components/verify/worker-messages";
import { failureKindOf } from "../components/verify/view";

/** Ballots per batch: large enough to share the pairing work, small enough for smooth progress. */
const BATCH = 16;

interface WorkerScope {
  postMessage(event: VerifyEvent): void;
  onmessage: ((message: { data: VerifyRequest }) => void) | null;
}
const scope = self as unknown as WorkerScope;

function progress(phase: VerifyPhase, done: number, total: number): void {
  scope.postMessage({ type: "progress", phase, done, total });
}

/**
 * The key this website serves for the circuit the referendum names (a sealed referendum's K = 2 or
 * 8 circuit, else the public-vote one), hash-checked against its manifest, as the audit's trusted
 * circuit. The audit's circuit check still holds it to the anchored spec.
 */
async function websiteCircuit(request: VerifyRequest): Promise<LoadedCircuit & { manifest: ArtifactManifest }> {
  const named = await createPublicClient({ baseUrl: request.api })
    .referendum(request.referendumId)
    .then((referendum) => referendum.spec.circuit.name)
    // The bundle's download says why the referendum cannot be read; the default key meanwhile.
    .catch(() => BALLOT_CIRCUIT);
  const circuit = /^[a-z0-9_]+$/.test(named) ? named : BALLOT_CIRCUIT;
  const manifest = await fetchManifest(circuit);
  const vkey = await fetchCheckedArtifact(manifest.files.vkey, undefined, circuit);
  return { ...(await trustCircuit(manifest, vkey)), manifest };
}

function ceremonyOf({ trustedSetup }: ArtifactManifest): VerifyFacts["ceremony"] {
  if (!trustedSetup) return null;
  return {
    id: trustedSetup.id,
    participants: trustedSetup.contributions.map((entry) => entry.participant),
    beaconBlock: trustedSetup.beacon.blockNumber,
  };
}

function factsOf(
  bundle: AuditBundle,
  report: AuditReport,
  proofs: VerifyFacts["proofs"],
  manifest: ArtifactManifest,
): VerifyFacts {
  const { spec } = bundle.referendum;
  const numbers = (id: CheckId): CheckResult["numbers"] =>
    report.checks.find((check) => check.id === id)?.numbers ?? {};
  const recount = String(numbers("tally").counts ?? "");
  return {
    title: typeof spec.title === "string" ? spec.title : "",
    options: spec.options,
    state: bundle.referendum.state,
    electorate: spec.census.size,
    ballots: bundle.entries.length,
    voters: Number(numbers("nullifiers").voters ?? 0),
    tallyAnchored: bundle.anchors.tally !== null,
    recount: recount === "" ? [] : recount.split(", "),
    ceremony: ceremonyOf(manifest),
    proofs,
  };
}

async function run(request: VerifyRequest): Promise<void> {
  progress("start", 0, 0);
  // The key first: a page whose own artifacts are broken should say so before downloading a log.
  progress("circuit", 0, 1);
  let circuit: Awaited<ReturnType<typeof websiteCircuit>>;
  try {
    circuit = await websiteCircuit(request);
  } catch (error) {
    scope.postMessage({ type: "failed", kind: "artifacts", detail: (error as Error).message });
    return;
  }
  progress("circuit", 1, 1);
  const verifier = createBatchPairingVerifier(circuit.vkey);
  verifier.catch(() => undefined);
  const bundle = await fetchBundle({
    api: request.api,
    rpc: request.rpc,
    registry: request.registry,
    referendumId: request.referendumId,
    onProgress: (phase, done, total) => {
      progress(phase === "census" ? "census" : "log", done, total);
    },
  });
  const proofs = { verifier: "mcl-batch" as const, count: 0, ms: 0 };
  const audited = await auditReferendum(bundle, {
    circuit: circuit.trusted,
    ...(request.receipts && request.receipts.length > 0 ? { receipts: request.receipts } : {}),
    verifyProofs: async (ballots: readonly Ballot[]) => {
      const check = await verifier;
      const started = performance.now();
      const answers: boolean[] = [];
      progress("proofs", 0, ballots.length);
      for (let from = 0; from < ballots.length; from += BATCH) {
        answers.push(...check(ballots.slice(from, from + BATCH)));
        progress("proofs", answers.length, ballots.length);
      }
      proofs.count = ballots.length;
      proofs.ms = performance.now() - started;
      progress("checks", 0, 0);
      return answers;
    },
  });
  const report = withCeremonyCheck(audited, ceremonyCheck(circuit.manifest, request.testDeployment));
  scope.postMessage({ type: "done", report, facts: factsOf(bundle, report, proofs, circuit.manifest) });
}

scope.onmessage = ({ data }) => {
  run(data).catch((error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    scope.postMessage({ type: "failed", kind: failureKindOf(detail), detail });
  });
};
