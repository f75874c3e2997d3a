import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as protocol from "../../../protocol";

const SRC = join(__dirname, "..", "..", "..", "protocol");

/** Relative modules a source file imports. */
function localImports(file: string): string[] {
  const text = readFileSync(join(SRC, file), "utf8");
  return [...text.matchAll(/from "\.\/([^"]+)"/g)].map((match) => `${match[1]}.ts`);
}

describe("# protocol barrel", () => {
  it("should export the protocol API", () => {
    for (const name of [
      "createIdentity",
      "buildCensus",
      "proveBallot",
      "verifyBallot",
      "parseFieldElement",
      "SIGNAL",
    ]) {
      expect(protocol).toHaveProperty(name);
    }
  });

  it("should reach no Node built-in, so the browser can import it", () => {
    const seen = new Set<string>();
    const queue = ["index.ts"];
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      expect([file, readFileSync(join(SRC, file), "utf8").match(/from "node:[^"]+"/g)]).toEqual([file, null]);
      queue.push(...localImports(file));
    }
    expect([...seen].filter((file) => file.endsWith(".node.ts"))).toEqual([]);
    expect(seen.size).toBeGreaterThan(5);
  });
});
