/**
 * A ceremony participant's turn off the main thread, as `bling ceremony contribute` takes it
 * (protocol/ceremony-turn.ts): gather the transcript (picked files or downloaded from the folder's
 * address), verify every step of it, then contribute with the browser's random bytes and the
 * participant's text, and sign. The random bytes exist only inside this worker and are never
 * stored or sent.
 */
import { hexToBytes } from "@noble/hashes/utils.js";
import { CeremonyError, readParticipantKeyFile, sha256Hex } from "../../protocol/ceremony";
import { takeTurn } from "../../protocol/ceremony-turn";
import { DownloadError, fetchTranscriptFiles } from "../components/ceremony/fetch-transcript";
import { TranscriptFilesError, transcriptFromFiles } from "../components/ceremony/transcript-files";
import type { CeremonyEvent, CeremonyFailure, CeremonyRequest } from "../components/ceremony/worker-messages";

interface WorkerScope {
  postMessage(event: CeremonyEvent, transfer?: Transferable[]): void;
  onmessage: ((message: { data: CeremonyRequest }) => void) | null;
}
const scope = self as unknown as WorkerScope;

async function turn(request: CeremonyRequest): Promise<void> {
  const files =
    request.source.kind === "files"
      ? request.source.files
      : await fetchTranscriptFiles(request.source, (file) => {
          scope.postMessage({ type: "progress", phase: "download", file });
        });
  const { transcript, localPins } = transcriptFromFiles(files);
  const { record } = transcript;
  const key = readParticipantKeyFile(JSON.stringify({ secretKey: request.secretKey }));
  const index = transcript.entries.length + 1;
  const me = record.participants.find((participant) => participant.publicKey === key?.publicKey);
  if (!key || !me) {
    throw new CeremonyError("CEREMONY_UNKNOWN_PARTICIPANT", `contribution ${index}`, "this key is not a participant");
  }
  const recordFile = files.find((file) => (file.name.split("/").pop() ?? "") === "ceremony.json");
  const result = await takeTurn(
    transcript,
    { name: me.name, secretKey: hexToBytes(key.secretKey), input: request.input },
    {
      localPins,
      onStep: (step) => {
        scope.postMessage({ type: "progress", phase: "check", step });
      },
      onContribute: (at) => {
        scope.postMessage({ type: "progress", phase: "contribute", index: at });
      },
    },
  );
  scope.postMessage(
    {
      type: "done",
      result: {
        ceremonyId: record.id,
        circuit: record.circuit.name,
        participant: me.name,
        recordSha256: recordFile ? await sha256Hex(recordFile.bytes) : "",
        verified: transcript.entries.map(({ index: at, participant }) => ({ index: at, participant })),
        localPin: record.ptau.pin.startsWith("local:") ? record.ptau.pin.slice("local:".length) : undefined,
        ...result,
      },
    },
    [result.zkey.buffer as ArrayBuffer],
  );
}

function failureOf(error: unknown): CeremonyFailure {
  if (error instanceof CeremonyError) return { kind: "step", code: error.code, step: error.step, detail: error.reason };
  if (error instanceof TranscriptFilesError) return { kind: "files", problem: error.problem, file: error.file };
  if (error instanceof DownloadError) return { kind: "download", url: error.url };
  return { kind: "other", detail: error instanceof Error ? error.message : String(error) };
}

scope.onmessage = ({ data }) => {
  turn(data).catch((error: unknown) => {
    scope.postMessage({ type: "failed", failure: failureOf(error) });
  });
};
