/**
 * The deploy guard's re-verification of a finalized ceremony's transcript (infra/lib/
 * ceremony-transcript.ts), on the test circuit's ceremony made with the CLI and a real anvil
 * beacon: an honest one deploys; a missing transcript, a tampered zkey, too few contributions, a
 * beacon from another block and a final zkey that is not the artifacts' are each refused by name.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { sha256Hex } from "../../../protocol/ceremony";
import { renderVerifier } from "../../../contracts/scripts/generate-solidity";
import { releaseProverThreads } from "../../../protocol/verify";
import { startLocalChain, type LocalChain } from "../../../local/anvil";
import { requireVerifiedCeremony, type TranscriptPolicy } from "../../../infra/lib/ceremony-transcript";
import { finalizedTestCeremony, TEST_CIRCUIT, type FinalizedTestCeremony } from "../../fixtures/ceremony";

let work: string;
let chain: LocalChain;
let ceremony: FinalizedTestCeremony;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "bling-ceremony-guard-"));
  chain = await startLocalChain();
  ceremony = await finalizedTestCeremony(join(work, "made"), chain);
}, 600000);

afterAll(async () => {
  await chain.stop();
  await releaseProverThreads();
  if (work) await rm(work, { recursive: true, force: true });
});

let copies = 0;
/** A copy of the artifacts and of the transcripts folder (the transcript under the circuit's name, and the phase 1 file). */
async function deployment(): Promise<{ artifacts: string; transcripts: string; transcript: string; manifest: string }> {
  const root = join(work, `copy-${copies++}`);
  const transcripts = join(root, "transcripts");
  const transcript = join(transcripts, TEST_CIRCUIT);
  await cp(ceremony.transcript, transcript, { recursive: true });
  await cp(ceremony.ptau, join(transcripts, basename(ceremony.ptau)));
  await cp(ceremony.artifacts, join(root, "artifacts"), { recursive: true });
  return {
    artifacts: join(root, "artifacts"),
    transcripts,
    transcript,
    manifest: join(root, "artifacts", TEST_CIRCUIT, "manifest.json"),
  };
}

async function policy(transcripts: string | undefined, minContributions = 3): Promise<TranscriptPolicy> {
  return {
    stage: "dev",
    allowInsecure: false,
    minContributions,
    transcripts,
    localPins: JSON.parse(await readFile(ceremony.pins, "utf8")) as TranscriptPolicy["localPins"],
  };
}

async function editJson(
  file: string,
  edit: (value: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  await writeFile(file, JSON.stringify(edit(JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>)));
}

describe("# the deploy guard re-verifies the ceremony transcript", () => {
  it("should accept a finalized ceremony whose transcript verifies and made the artifacts' zkey", async () => {
    const d = await deployment();
    await expect(
      requireVerifiedCeremony(d.artifacts, TEST_CIRCUIT, await policy(d.transcripts)),
    ).resolves.toBeUndefined();
  });

  it("should refuse a ceremony whose transcript it was not given", async () => {
    const d = await deployment();
    await expect(requireVerifiedCeremony(d.artifacts, TEST_CIRCUIT, await policy(undefined))).rejects.toThrow(
      /circuit ceremony_test: ceremony ceremony-test-guard's transcript .* -c ceremonyTranscripts=DIR/,
    );
  });

  it("should refuse a transcript with a tampered intermediate zkey", async () => {
    const d = await deployment();
    const file = join(d.transcript, "zkeys", "0002.zkey");
    const bytes = await readFile(file);
    bytes[bytes.length - 40]! ^= 1;
    await writeFile(file, bytes);
    await expect(requireVerifiedCeremony(d.artifacts, TEST_CIRCUIT, await policy(d.transcripts))).rejects.toThrow(
      /ceremony ceremony-test-guard's transcript .* does not verify: contribution 2/,
    );
  });

  it("should refuse a ceremony with fewer contributions than the deployment requires", async () => {
    const d = await deployment();
    await expect(requireVerifiedCeremony(d.artifacts, TEST_CIRCUIT, await policy(d.transcripts, 4))).rejects.toThrow(
      /ceremony ceremony-test-guard has 3 contributions; this deployment requires at least 4/,
    );
  });

  it("should refuse a beacon from another block, in the transcript or in the manifest's summary", async () => {
    const inTranscript = await deployment();
    await editJson(join(inTranscript.transcript, "beacon.json"), (beacon) => ({
      ...beacon,
      blockNumber: (beacon.blockNumber as number) + 1,
    }));
    await expect(
      requireVerifiedCeremony(inTranscript.artifacts, TEST_CIRCUIT, await policy(inTranscript.transcripts)),
    ).rejects.toThrow(/does not verify: beacon/);
    const inManifest = await deployment();
    await editJson(inManifest.manifest, (manifest) => {
      const setup = manifest.trustedSetup as { beacon: Record<string, unknown> };
      return { ...manifest, trustedSetup: { ...setup, beacon: { ...setup.beacon, blockHash: "77".repeat(32) } } };
    });
    await expect(
      requireVerifiedCeremony(inManifest.artifacts, TEST_CIRCUIT, await policy(inManifest.transcripts)),
    ).rejects.toThrow(/the manifest's beacon .* is not the transcript's/);
  });

  it("should refuse artifacts whose zkey is not the transcript's final zkey", async () => {
    const d = await deployment();
    // A consistent lie: the artifacts carry the last contribution's zkey (no beacon), and the
    // manifest's hashes say so; only the transcript can tell.
    const other = await readFile(join(d.transcript, "zkeys", "0003.zkey"));
    const hash = await sha256Hex(new Uint8Array(other));
    await writeFile(join(d.artifacts, TEST_CIRCUIT, `${TEST_CIRCUIT}.zkey`), other);
    await editJson(d.manifest, (manifest) => {
      const files = manifest.files as Record<string, Record<string, unknown>>;
      const setup = manifest.trustedSetup as { beacon: Record<string, unknown> };
      return {
        ...manifest,
        files: { ...files, zkey: { ...files.zkey, sha256: hash, bytes: other.byteLength } },
        trustedSetup: { ...setup, beacon: { ...setup.beacon, zkeySha256: hash } },
      };
    });
    await expect(requireVerifiedCeremony(d.artifacts, TEST_CIRCUIT, await policy(d.transcripts))).rejects.toThrow(
      /the transcript's final zkey .* is not the artifacts' zkey/,
    );
  });

  it("should generate the Solidity verifier from the finalized zkey, naming its ceremony", async () => {
    const solidity = await renderVerifier({ contractName: "TestVerifier", circuit: TEST_CIRCUIT }, ceremony.artifacts);
    const vkey = JSON.parse(await readFile(join(ceremony.transcript, "verification_key.json"), "utf8")) as {
      vk_delta_2: string[][];
      vk_alpha_1: string[];
    };
    expect(solidity).toContain(`ceremony ${ceremony.id}): do not edit.`);
    expect(solidity).toContain(`contract TestVerifier`);
    // delta is what phase 2 changes: the finalized one is embedded, the dev zkey 0's is not.
    expect(solidity).toContain(`uint256 constant deltax1 = ${vkey.vk_delta_2[0]![1]};`);
    expect(solidity).toContain(`uint256 constant alphax  = ${vkey.vk_alpha_1[0]};`);
  });
});
