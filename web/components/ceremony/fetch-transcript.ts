/**
 * Downloads a transcript folder from wherever the coordinator published it (a static host lists no
 * folders, so the contributions are read in order until the first that is not there). The host
 * only relays: the worker verifies every byte before building on it.
 */
import { entryName, TranscriptFilesError, zkeyName, type NamedFile } from "./transcript-files";

/** A download that failed for another reason than absence (network, refused by the host). */
export class DownloadError extends Error {
  constructor(readonly url: string) {
    super(`cannot download ${url}`);
    this.name = "DownloadError";
  }
}

async function get(url: URL, optional: boolean): Promise<Uint8Array | undefined> {
  let response: Response;
  try {
    // Never a cached copy: the folder grows with each contribution.
    response = await fetch(url, { cache: "no-store" });
  } catch {
    throw new DownloadError(url.href);
  }
  if (response.status === 404 && optional) return undefined;
  if (response.status === 404) throw new TranscriptFilesError("missing", url.pathname.split("/").pop() ?? url.href);
  if (!response.ok) throw new DownloadError(url.href);
  return new Uint8Array(await response.arrayBuffer());
}

export interface TranscriptAddress {
  /** The folder's address (ends in /, added if not). */
  folder: string;
  /** The phase 1 file's address. */
  ptau: string;
  /** A labelled local pin list's address (rehearsals only). */
  pins?: string;
}

/** Every file of the folder, plus the phase 1 file (and pin list); `onFile` names each as it starts. */
export async function fetchTranscriptFiles(
  address: TranscriptAddress,
  onFile: (name: string) => void,
): Promise<NamedFile[]> {
  const folder = new URL(address.folder.endsWith("/") ? address.folder : `${address.folder}/`, self.location.href);
  const files: NamedFile[] = [];
  const take = async (path: string, optional = false, base: URL = folder): Promise<boolean> => {
    onFile(path);
    const bytes = await get(new URL(path, base), optional);
    if (bytes) files.push({ name: path, bytes });
    return bytes !== undefined;
  };
  await take("ceremony.json");
  await take("circuit.r1cs");
  await take(`zkeys/${zkeyName(0)}`);
  for (let index = 1; await take(`contributions/${entryName(index)}`, true); index++) {
    await take(`zkeys/${zkeyName(index)}`);
  }
  if (await take("beacon.json", true)) await take("final.zkey");
  const page = new URL(self.location.href);
  onFile(address.ptau);
  files.push({ name: "phase1.ptau", bytes: (await get(new URL(address.ptau, page), false)) ?? new Uint8Array() });
  if (address.pins) {
    onFile(address.pins);
    files.push({ name: "local-pins.json", bytes: (await get(new URL(address.pins, page), false)) ?? new Uint8Array() });
  }
  return files;
}
