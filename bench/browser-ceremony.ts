/**
 * One ceremony contribution (snarkjs `zkey contribute`) at the real circuits' zkey sizes, in
 * Chromium (snarkjs's browser build in a page served from 127.0.0.1, the zkey in memory, as the
 * /ceremony/ page's worker runs it) and in Node (as `bling ceremony contribute`). The committed dev
 * zkeys stand in for a ceremony's latest zkey: a contribution's cost depends on the zkey's size,
 * not on its history. Verifying the chain is the ceremony benchmark's business.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { zKey } from "snarkjs";
import { memFile } from "../protocol/ceremony";
import { loadArtifacts } from "../protocol/artifacts.node";
import { BALLOT_CIRCUIT, CENSUS_DEPTH, sealedCircuitName } from "../protocol/constants";
import { launchChromium } from "../test/fixtures/browser";
import { median, printTable } from "./table";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SNARKJS = join(__dirname, "..", "node_modules", "snarkjs", "build", "snarkjs.min.js");
const PAGE = `<!doctype html><meta charset="utf-8"><title>contribute</title><script src="/snarkjs.min.js"></script>`;
const ENTROPY = "5eed".repeat(16);

async function serve(files: Map<string, Uint8Array>): Promise<[Server, string]> {
  const server = createServer((request, response) => {
    const path = request.url === "/" ? "/index.html" : (request.url ?? "");
    const body = path === "/index.html" ? Buffer.from(PAGE) : files.get(path);
    if (!body) return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": path.endsWith(".html") ? "text/html" : "text/javascript" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return [server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`];
}

async function nodeContribution(zkey: Uint8Array): Promise<number> {
  const start = performance.now();
  await zKey.contribute(memFile(zkey), memFile(), "bench", ENTROPY);
  return performance.now() - start;
}

export async function benchBrowserCeremony(): Promise<void> {
  const names = [BALLOT_CIRCUIT, sealedCircuitName(CENSUS_DEPTH, 8)];
  const zkeys = new Map<string, Uint8Array>();
  for (const name of names) zkeys.set(name, (await loadArtifacts(name)).zkey);
  const files = new Map<string, Uint8Array>([["/snarkjs.min.js", new Uint8Array(await readFile(SNARKJS))]]);
  for (const [name, zkey] of zkeys) files.set(`/${name}.zkey`, zkey);
  const [server, url] = await serve(files);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.evaluate(async (all) => {
      const store: Record<string, Uint8Array> = {};
      for (const name of all) store[name] = new Uint8Array(await (await fetch(`/${name}.zkey`)).arrayBuffer());
      (globalThis as unknown as { zkeys: typeof store }).zkeys = store;
    }, names);
    const browserMs = names.map(() => [] as number[]);
    const nodeMs = names.map(() => [] as number[]);
    for (let round = 0; round <= RUNS; round++)
      for (const [i, name] of names.entries()) {
        const inBrowser = await page.evaluate(
          async ({ name, entropy }) => {
            const g = globalThis as unknown as {
              zkeys: Record<string, Uint8Array>;
              snarkjs: { zKey: { contribute(a: unknown, b: unknown, n: string, e: string): Promise<unknown> } };
            };
            const start = performance.now();
            await g.snarkjs.zKey.contribute({ type: "mem", data: g.zkeys[name] }, { type: "mem" }, "bench", entropy);
            return performance.now() - start;
          },
          { name, entropy: ENTROPY },
        );
        const inNode = await nodeContribution(zkeys.get(name)!);
        if (round > 0) {
          browserMs[i]!.push(inBrowser);
          nodeMs[i]!.push(inNode);
        }
      }
    printTable(
      `One ceremony contribution (snarkjs zkey contribute), headless Chromium ${browser.version()} vs Node ${process.version} (median of ${RUNS} runs after a warm-up; 2 cores)`,
      ["circuit", "zkey MB", "Chromium s", "Node s"],
      names.map((name, i) => [
        name,
        (zkeys.get(name)!.byteLength / 1e6).toFixed(1),
        (median(browserMs[i]!) / 1000).toFixed(1),
        (median(nodeMs[i]!) / 1000).toFixed(1),
      ]),
    );
  } finally {
    await browser.close();
    server.close();
  }
}
