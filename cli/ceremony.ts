/**
 * `bling ceremony`: phase 2 of the trusted setup, run by a coordinator (init, finalize) and each
 * participant (keygen, contribute); `verify` is for anyone. Every command checks the whole chain so
 * far before it adds to it. The rules live in protocol/ceremony*.ts; this file reads and writes
 * the transcript folder and the chain.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { JsonRpcProvider } from "ethers";
import { hexToBytes } from "@noble/hashes/utils.js";
import {
  applyBeacon,
  CeremonyError,
  exportVerificationKey,
  newParticipantKey,
  newZkey,
  participantKeyFile,
  pinPhase1,
  readParticipantKeyFile,
  sha256Hex,
} from "../protocol/ceremony";
import { ceremonyParticipant, type CeremonyRecord } from "../protocol/ceremony-record";
import { verifyCeremony, type CeremonyTranscript } from "../protocol/ceremony-verify";
import { takeTurn } from "../protocol/ceremony-turn";
import { ARTIFACTS_DIR, readManifest } from "../protocol/artifacts.node";
import { parseManifest } from "../protocol/manifest";
import { UsageError, type CliIo } from "./cli-io";
import {
  entryPath,
  readBytes,
  readLocalPins,
  readTranscript,
  writeJson,
  writeNewTranscript,
  zkeyPath,
} from "./ceremony-folder";
import { parseFlags } from "./source-flags";

export const CEREMONY_USAGE = `Usage:
  bling ceremony keygen     --key FILE
  bling ceremony init       --circuit NAME --r1cs FILE --ptau FILE --participants FILE --beacon-block N
                            [--id ID] [--min N] [--chain-id N] [--out DIR] [--artifacts DIR]
  bling ceremony contribute --dir DIR --ptau FILE --name NAME --key FILE --entropy TEXT
  bling ceremony verify     --dir DIR --ptau FILE [--rpc URL] [--in-progress]
  bling ceremony finalize   --dir DIR --ptau FILE --rpc URL [--artifacts DIR] [--transcript URL]

  keygen      make a participant's signing key (ed25519) in FILE; send the printed public key to the coordinator
  init        zkey 0 and the ceremony record: the circuit, the pinned phase 1, the participants
              (a JSON list of { name, publicKey }), the minimum number of contributions (default 3)
              and the Ethereum L1 block (announced before it exists) whose hash will be the beacon
  contribute  check the whole chain so far, then add your contribution (OS entropy and --entropy) and sign it
  verify      check every step: phase 1 pin, zkey 0, each contribution (zkey verification, hash chain,
              signature), the beacon (against the chain with --rpc); --in-progress accepts an unfinished one
  finalize    after the announced block: apply its hash as the beacon, export the verification key, and
              write the circuit's manifest in --artifacts (default circuits/artifacts)

  --ptau FILE        the phase 1 file: a published final file (pinned by hash in protocol/ptau-pins.ts)
  --ptau-pins FILE   TESTS ONLY: a labelled list of locally made phase 1 files to accept
`;

const OPTIONS = {
  circuit: { type: "string" },
  r1cs: { type: "string" },
  ptau: { type: "string" },
  "ptau-pins": { type: "string" },
  participants: { type: "string" },
  "beacon-block": { type: "string" },
  "chain-id": { type: "string" },
  id: { type: "string" },
  min: { type: "string" },
  out: { type: "string" },
  dir: { type: "string" },
  artifacts: { type: "string" },
  transcript: { type: "string" },
  name: { type: "string" },
  key: { type: "string" },
  entropy: { type: "string" },
  rpc: { type: "string" },
  "in-progress": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

type Values = ReturnType<typeof parseFlags<typeof OPTIONS>>;

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === "") throw new UsageError(`--${flag} is required`);
  return value;
}

function integer(value: string | undefined, flag: string, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const parsed = Number(required(value, flag));
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new UsageError(`--${flag} must be a whole number`);
  return parsed;
}

async function keygen(values: Values, io: CliIo): Promise<number> {
  const file = required(values.key, "key");
  if (existsSync(file)) throw new UsageError(`${file} exists: a key is never overwritten`);
  const key = newParticipantKey();
  await writeFile(file, participantKeyFile(key), { mode: 0o600 });
  io.out(`public key: ${key.publicKey}\n`);
  return 0;
}

async function init(values: Values, io: CliIo): Promise<number> {
  const circuit = required(values.circuit, "circuit");
  const ptauFile = required(values.ptau, "ptau");
  const r1cs = await readBytes(required(values.r1cs, "r1cs"));
  const artifacts = values.artifacts ?? ARTIFACTS_DIR;
  if (existsSync(join(artifacts, circuit, "manifest.json"))) {
    const manifest = await readManifest(circuit, artifacts);
    if (manifest.r1cs.sha256 !== (await sha256Hex(r1cs))) {
      throw new CeremonyError("CEREMONY_R1CS_MISMATCH", "r1cs", `not the r1cs of ${circuit}'s manifest`);
    }
  }
  const ptau = await readBytes(ptauFile);
  const pin = await pinPhase1(ptau, basename(ptauFile), await readLocalPins(values["ptau-pins"]));
  const participants = ceremonyParticipant
    .array()
    .min(1)
    .parse(JSON.parse(await readFile(required(values.participants, "participants"), "utf8")));
  const zkey0 = await newZkey(r1cs, ptau);
  const record: CeremonyRecord = {
    version: 1,
    id: values.id ?? `ceremony-${circuit.replace(/_/g, "-")}`,
    circuit: { name: circuit, r1csSha256: await sha256Hex(r1cs) },
    ptau: pin,
    zkey0Sha256: await sha256Hex(zkey0),
    participants,
    minContributions: integer(values.min, "min", 3),
    beacon: {
      chainId: integer(values["chain-id"], "chain-id", 1),
      blockNumber: integer(values["beacon-block"], "beacon-block"),
    },
  };
  const out = values.out ?? `ceremony-${circuit}`;
  await writeNewTranscript(out, record, r1cs, zkey0);
  io.out(
    `ceremony ${record.id} for ${circuit} in ${out}: phase 1 ${pin.file} (${pin.pin}), ${participants.length} participants\n`,
  );
  return 0;
}

/** Reads and verifies the transcript so far; a refused step is thrown with its code. */
async function checkedTranscript(
  values: Values,
  requireFinal: boolean,
  chainBlockHash?: string,
): Promise<CeremonyTranscript> {
  const transcript = await readTranscript(required(values.dir, "dir"), await readBytes(required(values.ptau, "ptau")));
  const verdict = await verifyCeremony(transcript, {
    requireFinal,
    localPins: await readLocalPins(values["ptau-pins"]),
    chainBlockHash,
  });
  if (!verdict.ok) throw new CeremonyError(verdict.code, verdict.step, verdict.reason);
  return transcript;
}

async function runContribute(values: Values, io: CliIo): Promise<number> {
  const dir = required(values.dir, "dir");
  const name = required(values.name, "name");
  const key = readParticipantKeyFile(await readFile(required(values.key, "key"), "utf8"));
  if (!key) throw new UsageError(`${values.key ?? ""} is not a participant key file`);
  const transcript = await readTranscript(dir, await readBytes(required(values.ptau, "ptau")));
  const { index, zkey, entry } = await takeTurn(
    transcript,
    { name, secretKey: hexToBytes(key.secretKey), input: required(values.entropy, "entropy") },
    { localPins: await readLocalPins(values["ptau-pins"]) },
  );
  await writeFile(zkeyPath(dir, index), zkey);
  await writeJson(entryPath(dir, index), entry);
  io.out(
    `contribution ${index} by ${name}\ncontribution hash: ${entry.contributionHash}\nzkey sha256: ${entry.zkeySha256}\n`,
  );
  return 0;
}

async function blockHashOf(rpc: string, record: CeremonyRecord): Promise<string> {
  const provider = new JsonRpcProvider(rpc, undefined, { staticNetwork: true });
  try {
    const chainId = Number((await provider.getNetwork()).chainId);
    if (chainId !== record.beacon.chainId) {
      throw new CeremonyError(
        "CEREMONY_BEACON_MISMATCH",
        "beacon",
        `--rpc is chain ${chainId}, the record announced ${record.beacon.chainId}`,
      );
    }
    const block = await provider.getBlock(record.beacon.blockNumber);
    if (!block?.hash) {
      throw new CeremonyError(
        "CEREMONY_BEACON_NOT_YET",
        "beacon",
        `block ${record.beacon.blockNumber} does not exist yet`,
      );
    }
    return block.hash.slice(2).toLowerCase();
  } finally {
    provider.destroy();
  }
}

async function runVerify(values: Values, io: CliIo): Promise<number> {
  const transcript = await readTranscript(required(values.dir, "dir"), await readBytes(required(values.ptau, "ptau")));
  const { record } = transcript;
  const chainHash = values.rpc === undefined ? undefined : await blockHashOf(values.rpc, record);
  const verdict = await verifyCeremony(transcript, {
    requireFinal: values["in-progress"] !== true,
    localPins: await readLocalPins(values["ptau-pins"]),
    chainBlockHash: chainHash,
  });
  if (!verdict.ok) {
    io.out(`FAIL ${record.id}: ${verdict.message}\n`);
    return 1;
  }
  for (const step of verdict.contributions)
    io.out(`ok contribution ${step.index} by ${step.participant} (${step.zkeySha256})\n`);
  const beacon = verdict.finalized
    ? `finalized with block ${record.beacon.blockNumber}${chainHash ? " (checked on the chain)" : " (not checked on a chain: pass --rpc)"}`
    : "not finalized";
  io.out(
    `PASS ${record.id}: phase 1 ${record.ptau.file} (${record.ptau.pin}), ${verdict.contributions.length} contributions, ${beacon}\n`,
  );
  return 0;
}

async function finalize(values: Values, io: CliIo): Promise<number> {
  const dir = required(values.dir, "dir");
  const transcript = await checkedTranscript(values, false);
  const { record, entries } = transcript;
  if (transcript.beacon) throw new UsageError("the ceremony is already finalized");
  if (entries.length < record.minContributions) {
    throw new CeremonyError(
      "CEREMONY_TOO_FEW_CONTRIBUTIONS",
      "end",
      `${entries.length} contributions, the record requires ${record.minContributions}`,
    );
  }
  const blockHash = await blockHashOf(required(values.rpc, "rpc"), record);
  const last = transcript.zkeys[transcript.zkeys.length - 1];
  if (!last) throw new UsageError(`${dir} has no zkey`);
  const { zkey, entry } = await applyBeacon(last, record.beacon.blockNumber, blockHash);
  const vkey = `${JSON.stringify(await exportVerificationKey(zkey), null, 1)}\n`;
  await writeFile(join(dir, "final.zkey"), zkey);
  await writeFile(join(dir, "verification_key.json"), vkey);
  await writeJson(join(dir, "beacon.json"), entry);
  await writeManifest(values.artifacts ?? ARTIFACTS_DIR, transcript, entry, zkey, vkey, values.transcript ?? dir);
  io.out(
    `finalized ${record.id} with block ${entry.blockNumber} (${blockHash}); final zkey sha256 ${entry.zkeySha256}\n`,
  );
  return 0;
}

async function writeManifest(
  artifacts: string,
  { record, entries }: CeremonyTranscript,
  beacon: { blockNumber: number; blockHash: string; zkeySha256: string },
  zkey: Uint8Array,
  vkeyText: string,
  transcript: string,
): Promise<void> {
  const folder = join(artifacts, record.circuit.name);
  const manifest = parseManifest(await readFile(join(folder, "manifest.json"), "utf8"));
  await mkdir(folder, { recursive: true });
  const vkey = new TextEncoder().encode(vkeyText);
  await writeFile(join(folder, manifest.files.zkey.path), zkey);
  await writeFile(join(folder, manifest.files.vkey.path), vkey);
  const updated = {
    ...manifest,
    ceremony: record.id,
    files: {
      ...manifest.files,
      zkey: { path: manifest.files.zkey.path, sha256: await sha256Hex(zkey), bytes: zkey.byteLength },
      vkey: { path: manifest.files.vkey.path, sha256: await sha256Hex(vkey), bytes: vkey.byteLength },
    },
    trustedSetup: {
      id: record.id,
      transcript,
      minContributions: record.minContributions,
      ptau: record.ptau,
      contributions: entries.map(({ index, participant, zkeySha256, contributionHash }) => ({
        index,
        participant,
        zkeySha256,
        contributionHash,
      })),
      beacon: { chainId: record.beacon.chainId, ...beacon },
    },
  };
  await writeJson(join(folder, "manifest.json"), parseManifest(JSON.stringify(updated)));
}

export async function runCeremony(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const values = parseFlags(rest, OPTIONS);
  if (action === undefined || action === "--help" || action === "-h" || values.help) {
    io.out(CEREMONY_USAGE);
    return action === undefined ? 2 : 0;
  }
  const actions: Record<string, (v: Values, io: CliIo) => Promise<number>> = {
    keygen,
    init,
    contribute: runContribute,
    verify: runVerify,
    finalize,
  };
  const run = actions[action];
  if (!run) throw new UsageError(`unknown action "${action}" (keygen, init, contribute, verify or finalize)`);
  return run(values, io);
}
