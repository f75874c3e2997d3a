/**
 * Proving in Chromium, as a citizen's browser does: snarkjs's browser build in a page served from
 * 127.0.0.1, the artifacts already in memory (their download is the web benchmark's business),
 * the public-vote circuit and both sealed circuits in alternation. What a vote page adds (its
 * worker, the census proof) is small beside the proof.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { loadArtifacts } from "../protocol/artifacts.node";
import { ballotInputs } from "../protocol/ballot";
import { mulG } from "../protocol/babyjub";
import { generateCensusProof } from "../protocol/census";
import { BALLOT_CIRCUIT, CENSUS_DEPTH, sealedCircuitName } from "../protocol/constants";
import { padVotes, quadratic, yesNo } from "../protocol/rules";
import { sealedBallotInputs } from "../protocol/sealed-ballot";
import { censusOf, REFERENDUM_ID } from "../test/fixtures/ballot-fixtures";
import { launchChromium } from "../test/fixtures/browser";
import { median, printTable } from "./table";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SNARKJS = join(__dirname, "..", "node_modules", "snarkjs", "build", "snarkjs.min.js");
const PAGE = `<!doctype html><meta charset="utf-8"><title>prove</title><script src="/snarkjs.min.js"></script>`;

/** JSON with bigints as decimal strings, which snarkjs reads as field elements. */
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));

async function serve(files: Map<string, Buffer>): Promise<[Server, string]> {
  const server = createServer((request, response) => {
    const path = request.url === "/" ? "/index.html" : (request.url ?? "");
    const body = path === "/index.html" ? Buffer.from(PAGE) : files.get(path);
    if (!body) return void response.writeHead(404).end();
    const type = path.endsWith(".html")
      ? "text/html"
      : path.endsWith(".js")
        ? "text/javascript"
        : "application/octet-stream";
    response.writeHead(200, { "content-type": type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return [server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`];
}

export async function benchBrowserProve(): Promise<void> {
  const { voters, census } = censusOf(1024, "bench");
  const voter = voters[1023]!;
  const path = generateCensusProof(census, voter.commitment);
  const key = mulG(0xe1ec7n);
  const subjects = [
    { name: BALLOT_CIRCUIT, inputs: ballotInputs(voter, path, REFERENDUM_ID, padVotes([3, 2, 1]), quadratic(3, 16)) },
    {
      name: sealedCircuitName(CENSUS_DEPTH, 2),
      inputs: sealedBallotInputs(voter, path, REFERENDUM_ID, [1, 0], yesNo(), key, 0x5eedn, 1, 2),
    },
    {
      name: sealedCircuitName(CENSUS_DEPTH, 8),
      inputs: sealedBallotInputs(voter, path, REFERENDUM_ID, [3, 2, 1], quadratic(3, 16), key, 0x5eedn, 1, 8),
    },
  ];
  const files = new Map<string, Buffer>([["/snarkjs.min.js", await readFile(SNARKJS)]]);
  for (const { name } of subjects) {
    const artifacts = await loadArtifacts(name);
    files.set(`/${name}.wasm`, Buffer.from(artifacts.wasm));
    files.set(`/${name}.zkey`, Buffer.from(artifacts.zkey));
  }
  const [server, url] = await serve(files);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.evaluate(
      async (names) => {
        const store: Record<string, Uint8Array> = {};
        for (const name of names)
          for (const ext of ["wasm", "zkey"])
            store[`${name}.${ext}`] = new Uint8Array(await (await fetch(`/${name}.${ext}`)).arrayBuffer());
        (globalThis as unknown as { artifacts: typeof store }).artifacts = store;
      },
      subjects.map((s) => s.name),
    );
    const samples = subjects.map(() => [] as number[]);
    for (let round = 0; round <= RUNS; round++)
      for (const [i, { name, inputs }] of subjects.entries()) {
        const ms = await page.evaluate(
          async ({ name, inputs }) => {
            const g = globalThis as unknown as {
              artifacts: Record<string, Uint8Array>;
              snarkjs: {
                groth16: { fullProve(i: unknown, w: Uint8Array, z: Uint8Array): Promise<{ publicSignals: string[] }> };
              };
            };
            const start = performance.now();
            await g.snarkjs.groth16.fullProve(inputs, g.artifacts[`${name}.wasm`]!, g.artifacts[`${name}.zkey`]!);
            return performance.now() - start;
          },
          { name, inputs: plain(inputs) },
        );
        if (round > 0) samples[i]!.push(ms);
      }
    const version = browser.version();
    printTable(
      `Proving in headless Chromium ${version} (snarkjs browser build, artifacts in memory; median of ${RUNS} alternating runs after a warm-up; 2 cores)`,
      ["circuit", "prove ms"],
      subjects.map(({ name }, i) => [name, median(samples[i]!).toFixed(0)]),
    );
  } finally {
    await browser.close();
    server.close();
  }
}
