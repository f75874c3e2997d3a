/**
 * `bling verify`: audits a referendum from public data only (the service's API and the chain, or an
 * exported dump), prints the report, and exits 0 only when every check passes.
 */
import { cpus } from "node:os";
import { groth16 } from "snarkjs";
import { censusRootInWorker } from "../protocol/census-worker.node";
import { PUBLIC_SIGNAL_COUNT } from "../protocol/constants";
import type { Ballot, VerificationKey } from "../protocol/statement";
import { releaseProverThreads } from "../protocol/verify";
import { createBatchVerifierPool } from "../protocol/verifier-pool.node";
import { auditReferendum, type ProofBatchCheck } from "../audit/audit";
import type { AuditBundle } from "../audit/bundle";
import { readDump, readReceipts } from "./dump";
import { fetchAnchors, fetchBundle } from "../audit/fetch-bundle";
import type { ReceiptFile } from "../audit/receipt-checks";
import { formatReport, type AuditReport } from "../audit/report";
import { ceremonyCheck, withCeremonyCheck } from "../audit/ceremony-check";
import { loadTrustedCircuit } from "./trusted-circuit";
import { UsageError, type CliIo } from "./cli-io";
import { createProgress, type Progress } from "./progress";
import { networkSource, parseFlags, SOURCE_OPTIONS, type FlagValues } from "./source-flags";

export const VERIFY_USAGE = `Usage:
  bling verify --api URL --rpc URL [--registry ADDR] --referendum ID [options]
  bling verify --from-dump DIR [--rpc URL [--registry ADDR]] [options]

Audits a referendum from public data and prints a pass/fail report; exit 0 only when every check passes.

  --api URL         the service's public API (e.g. http://127.0.0.1:8787)
  --rpc URL         a JSON-RPC endpoint of the chain the registry is on
  --registry ADDR   the BlingRegistry address (default: the one the service's /v1/config names)
  --referendum ID   the referendum's id
  --from-dump DIR   audit a bundle written by \`bling export\`, offline; with --rpc, the dump's anchors
                    are replaced by what the registry holds now
  --receipts PATH   also hold voters' receipts against the log: a receipt or signed-promise JSON file
                    (or an array of them), or a folder of such files; a promise whose entry is not in
                    the log within the spec's maximum merge delay FAILs, as evidence of a dropped ballot
  --allow-dev-ceremony
                    accept a circuit from the single-party dev ceremony (a test referendum); without
                    it such a circuit FAILs the ceremony check
  --json            print the report as JSON
  --progress        show the progress bar even when stderr is not a terminal
  --workers N       verifier threads (default: one per core)
`;

const OPTIONS = {
  ...SOURCE_OPTIONS,
  "from-dump": { type: "string" },
  receipts: { type: "string" },
  json: { type: "boolean" },
  "allow-dev-ceremony": { type: "boolean" },
  progress: { type: "boolean" },
  workers: { type: "string" },
} as const;

interface Where {
  source: string;
  registry: string;
}

/** A dump, with its anchors re-read from the chain when an RPC is given (a dump's own are only as good as its source). */
async function loadDump(
  dump: string,
  values: FlagValues<typeof OPTIONS>,
): Promise<{ bundle: AuditBundle; where: Where }> {
  if (values.api ?? values.referendum) throw new UsageError("--from-dump takes no --api or --referendum");
  const bundle = await readDump(dump);
  if (values.rpc === undefined) {
    return {
      bundle,
      where: { source: `dump ${dump}`, registry: `${bundle.anchors.registry} (anchors as the dump holds them)` },
    };
  }
  const { rpc, registry } = networkSource({ ...values, api: "http://dump", referendum: bundle.referendumId });
  const anchors = await fetchAnchors(rpc, registry ?? bundle.anchors.registry, BigInt(bundle.referendumId));
  const named = registry ? "" : " (as the dump names it)";
  return {
    bundle: { ...bundle, anchors },
    where: { source: `dump ${dump}, anchors from ${rpc}`, registry: `${anchors.registry}${named}` },
  };
}

async function loadBundle(
  values: FlagValues<typeof OPTIONS>,
  progress: Progress,
): Promise<{ bundle: AuditBundle; where: Where }> {
  const dump = values["from-dump"];
  if (dump !== undefined) return loadDump(dump, values);
  const source = networkSource(values);
  const bundle = await fetchBundle({
    ...source,
    onProgress: (phase, done, total) => {
      progress.update(`fetching ${phase}`, done, total);
    },
  });
  progress.finish();
  const registry = `${bundle.anchors.registry}${source.registry ? "" : " (as the service's /v1/config names it)"}`;
  return { bundle, where: { source: `${source.api} and ${source.rpc}`, registry } };
}

/**
 * Proofs checked one by one with snarkjs: for a key the batch pairing verifier does not take (it is
 * built for the public-vote circuit's signal count; a sealed circuit's key has 11 + 4k signals).
 */
function verifyOneByOne(vkey: VerificationKey, progress: Progress): ProofBatchCheck {
  return async (ballots: readonly Ballot[]) => {
    const answers: boolean[] = [];
    for (const { proof, publicSignals } of ballots) {
      // snarkjs throws on points off the curve: to a verifier that is just an invalid proof.
      answers.push(await groth16.verify(vkey, publicSignals, proof).catch(() => false));
      progress.update("verifying proofs", answers.length, ballots.length);
    }
    return answers;
  };
}

/** Runs the audit with the proofs checked on `workers` threads. */
async function audit(
  bundle: AuditBundle,
  workers: number,
  progress: Progress,
  receipts: ReceiptFile[] | undefined,
  allowDevCeremony: boolean,
): Promise<AuditReport> {
  // The key of the circuit the spec names: a public-vote or a sealed ballot circuit.
  const circuit = await loadTrustedCircuit(bundle.referendum.spec.circuit.name);
  const ceremony = ceremonyCheck(circuit.manifest, allowDevCeremony);
  const batched = circuit.vkey.nPublic === PUBLIC_SIGNAL_COUNT;
  const pool = batched ? createBatchVerifierPool(circuit.vkey, { size: workers }) : null;
  try {
    const report = await auditReferendum(bundle, {
      circuit: circuit.trusted,
      censusRoot: censusRootInWorker,
      receipts,
      verifyProofs: pool
        ? (ballots) =>
            pool.verifyMany(ballots, {
              onProgress: (done) => {
                progress.update("verifying proofs", done, ballots.length);
              },
            })
        : verifyOneByOne(circuit.vkey, progress),
    });
    return withCeremonyCheck(report, ceremony);
  } finally {
    progress.finish();
    await (pool ? pool.close() : releaseProverThreads());
  }
}

function workerCount(value: string | undefined): number {
  if (value === undefined) return Math.max(1, cpus().length);
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError("--workers must be a whole number from 1 to 256");
  return n;
}

export async function runVerify(args: string[], io: CliIo): Promise<number> {
  const values = parseFlags(args, OPTIONS);
  if (values.help) {
    io.out(VERIFY_USAGE);
    return 0;
  }
  const workers = workerCount(values.workers);
  const progress = createProgress(io.err, values.progress === true || io.errIsTty);
  const receipts = values.receipts === undefined ? undefined : await readReceipts(values.receipts);
  const { bundle, where } = await loadBundle(values, progress);
  const report = await audit(bundle, workers, progress, receipts, values["allow-dev-ceremony"] === true);
  io.out(
    values.json
      ? `${JSON.stringify(withSource(report, where), null, 2)}\n`
      : `${formatReport(report)}\n${sourceLines(where)}`,
  );
  return report.ok ? 0 : 1;
}

const withSource = (report: AuditReport, where: Where) => ({ ...report, ...where });

const sourceLines = (where: Where): string => `Data from ${where.source}; registry ${where.registry}.\n`;
