/**
 * A participant's turn, the same in `bling ceremony contribute` and the browser's ceremony page:
 * re-verify the whole transcript as downloaded (a relay may have changed any file), refuse a
 * finalized ceremony, then add one signed contribution on the last zkey. Browser-safe.
 */
import { CeremonyError, contribute, type Contributor, type LocalPtauPins } from "./ceremony";
import type { ContributionEntry } from "./ceremony-record";
import { verifyCeremony, type CeremonyTranscript } from "./ceremony-verify";

export interface TurnOptions {
  localPins?: LocalPtauPins;
  /** Called before each step is checked ("phase1", "contribution 2", ...). */
  onStep?: (step: string) => void;
  /** Called once the chain verified, before the contribution (seconds on a real circuit). */
  onContribute?: (index: number) => void;
}

export interface Turn {
  index: number;
  /** The sha256 of the zkey this contribution builds on (the last verified one). */
  previousZkeySha256: string;
  zkey: Uint8Array;
  entry: ContributionEntry;
}

/** @throws CeremonyError for the first refused step of the transcript, or for the contributor. */
export async function takeTurn(
  transcript: CeremonyTranscript,
  who: Contributor,
  options: TurnOptions = {},
): Promise<Turn> {
  const verdict = await verifyCeremony(transcript, {
    requireFinal: false,
    localPins: options.localPins,
    onStep: options.onStep,
  });
  if (!verdict.ok) throw new CeremonyError(verdict.code, verdict.step, verdict.reason);
  const index = transcript.entries.length + 1;
  if (transcript.beacon || transcript.finalZkey) {
    throw new CeremonyError("CEREMONY_ALREADY_FINALIZED", "beacon", "the ceremony is finalized");
  }
  const previous = transcript.zkeys[transcript.zkeys.length - 1];
  if (!previous) throw new CeremonyError("CEREMONY_STEP_SKIPPED", "zkey 0", "the transcript has no zkey");
  options.onContribute?.(index);
  const { zkey, entry } = await contribute(transcript.record, previous, index, who);
  return { index, previousZkeySha256: entry.previousZkeySha256, zkey, entry };
}
