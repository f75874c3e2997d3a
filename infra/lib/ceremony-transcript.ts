/**
 * The deploy guard's slow half: before a stack is built, the transcript of every non-dev ceremony is
 * re-verified from its bytes (protocol/ceremony-verify.ts, the same code as `bling ceremony
 * verify`), in every stage, and tied to the artifacts about to be deployed. The manifest's summary
 * alone is only a claim; this is what makes a deployment refuse a transcript that does not verify.
 *
 * Where the transcript is: `-c ceremonyTranscripts=DIR`, a local copy of each circuit's published
 * transcript folder at DIR/<circuit name>/ and the phase 1 file it names at DIR/<ptau file>. The
 * beacon's block hash is compared with the manifest's, not with L1 (synth runs offline): check it
 * on the chain once with `bling ceremony verify --rpc`.
 *
 * Cost: zkey 0 rebuilt and one `zkey verify` of the last zkey per circuit, plus the beacon, every
 * synth (under a second for the test circuit, minutes for the service circuits: see
 * bench/ceremony.ts). No cache: a cache would have to be keyed by every byte it vouches for and be
 * as trusted as the code.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sha256Hex, type LocalPtauPins } from "../../protocol/ceremony";
import { verifyCeremony } from "../../protocol/ceremony-verify";
import { readTranscript } from "../../protocol/ceremony-folder.node";
import { INSECURE_CEREMONY, readCircuitManifest, requireTrustedCeremony, type CeremonyPolicy } from "./ceremony-guard";

export interface TranscriptPolicy extends CeremonyPolicy {
  /** The folder of transcript copies (settings' ceremonyTranscripts); required for any non-dev ceremony. */
  transcripts: string | undefined;
  /** TESTS ONLY: a labelled local phase 1 pin list (prod refuses any pin but a published one). */
  localPins?: LocalPtauPins;
}

/**
 * Refuses (throws, naming the circuit, the ceremony and the failed step) unless the circuit's
 * ceremony is the accepted dev one or its transcript verifies and made the artifacts' zkey.
 */
export async function requireVerifiedCeremony(
  artifactsDir: string,
  circuit: string,
  policy: TranscriptPolicy,
): Promise<void> {
  const manifest = readCircuitManifest(artifactsDir, circuit);
  requireTrustedCeremony(manifest, policy);
  if (manifest.ceremony === INSECURE_CEREMONY) return;
  const setup = manifest.trustedSetup;
  // requireTrustedCeremony has refused a non-dev ceremony without its summary.
  if (!setup) throw new Error(`circuit ${circuit}: ceremony ${manifest.ceremony} has no transcript summary`);
  const refuse = (why: string): Error => new Error(`circuit ${circuit}: ceremony ${setup.id}${why}`);
  const dir = policy.transcripts === undefined ? undefined : join(policy.transcripts, circuit);
  const ptauFile = policy.transcripts === undefined ? undefined : join(policy.transcripts, setup.ptau.file);
  if (!dir || !ptauFile || !existsSync(join(dir, "ceremony.json")) || !existsSync(ptauFile)) {
    throw refuse(
      `'s transcript (published at ${setup.transcript}) must be re-verified before deploying: copy it to DIR/${circuit}/ ` +
        `with its phase 1 file at DIR/${setup.ptau.file} and pass -c ceremonyTranscripts=DIR`,
    );
  }
  const transcript = await readTranscript(dir, new Uint8Array(await readFile(ptauFile)));
  if (transcript.record.id !== setup.id) throw refuse(`: ${dir} holds ceremony ${transcript.record.id}`);
  const verdict = await verifyCeremony(transcript, { requireFinal: true, localPins: policy.localPins });
  if (!verdict.ok) throw refuse(`'s transcript at ${dir} does not verify: ${verdict.message} (${verdict.code})`);
  if (transcript.entries.length < policy.minContributions) {
    throw refuse(
      ` has ${transcript.entries.length} contributions; this deployment requires at least ${policy.minContributions}`,
    );
  }
  const beacon = transcript.beacon;
  if (!beacon) throw refuse(`'s transcript at ${dir} has no beacon`);
  if (beacon.blockNumber !== setup.beacon.blockNumber || beacon.blockHash !== setup.beacon.blockHash) {
    throw refuse(
      `: the manifest's beacon (block ${setup.beacon.blockNumber}, ${setup.beacon.blockHash}) is not the transcript's (block ${beacon.blockNumber}, ${beacon.blockHash})`,
    );
  }
  const summary = setup.contributions.map((entry) => `${entry.index}:${entry.participant}:${entry.zkeySha256}`);
  const steps = transcript.entries.map((entry) => `${entry.index}:${entry.participant}:${entry.zkeySha256}`);
  if (summary.join() !== steps.join()) throw refuse(": the manifest's contributions are not the transcript's");
  const artifactZkey = new Uint8Array(await readFile(join(artifactsDir, circuit, manifest.files.zkey.path)));
  const deployed = await sha256Hex(artifactZkey);
  if (deployed !== manifest.files.zkey.sha256 || deployed !== beacon.zkeySha256) {
    throw refuse(
      `: the transcript's final zkey (${beacon.zkeySha256}) is not the artifacts' zkey (${deployed}, manifest ${manifest.files.zkey.sha256})`,
    );
  }
}
