import { readFileSync } from "node:fs";
import { ARTIFACTS_DIR, readManifestSync } from "../../../protocol/artifacts.node";
import { BALLOT_CIRCUIT } from "../../../protocol/constants";
import { parseManifest } from "../../../protocol/manifest";

const text = readFileSync(`${ARTIFACTS_DIR}/${BALLOT_CIRCUIT}/manifest.json`, "utf8");

describe("# parseManifest", () => {
  it("should read the committed ballot circuit's manifest", () => {
    expect(parseManifest(text).name).toBe(BALLOT_CIRCUIT);
    expect(readManifestSync().files.zkey.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("should refuse a ceremony it does not know, naming the field", () => {
    const odd = { ...(JSON.parse(text) as Record<string, unknown>), ceremony: "trust-me" };
    expect(() => parseManifest(JSON.stringify(odd), "odd.json")).toThrow(
      /odd\.json is not an artifact manifest: ceremony/,
    );
  });

  it("should refuse a file pinned by something that is not a sha256", () => {
    const manifest = JSON.parse(text) as { files: { zkey: { sha256: string } } };
    manifest.files.zkey.sha256 = "abc";
    expect(() => parseManifest(JSON.stringify(manifest))).toThrow(/files\.zkey\.sha256/);
  });
});
