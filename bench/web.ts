/**
 * The website in headless Chromium against the local stack (site and API on 127.0.0.1):
 * - ballot proof time in the browser (the page's `bling-proof` measure: census proof ready → Groth16
 *   proof back from the worker; depth-20 census, 8 options), and the whole cast (click → receipt);
 * - time to interactive of the vote page with a cold cache (navigation start → the ballot form usable);
 * - bytes the site transfers for a first visit to the vote page and one vote, by kind;
 * - a phone profile (CPU ×4, 10 Mbit/s, 40 ms): a first visit's vote and a re-vote, reported apart,
 *   with the artifact bytes each downloads (a re-vote uses the checked copies the browser kept).
 */
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import type { BrowserContext, Page } from "playwright-core";
import { seedDemo } from "../local/seed-demo";
import { launchChromium, startSiteStack, SITE_DIR } from "../test/fixtures/browser";
import { median, printTable } from "./table";

const RUNS = 5;
const PROOF_TIMEOUT_MS = 600_000;
/** A mid-range phone on a fair mobile connection, as the measurements used. */
const PHONE = { cpuSlowdown: 4, bitsPerSecond: 10_000_000, latencyMs: 40 };

async function restoreIdentity(page: Page, base: string, recoveryCode: string): Promise<void> {
  await page.goto(`${base}/identity/`);
  await page.getByRole("textbox", { name: "Recovery code" }).fill(recoveryCode);
  await page.getByRole("button", { name: "Restore voting key" }).click();
  await page.getByText("This device holds a voting key").first().waitFor();
}

/** One vote through the page; returns the page's proof measure and the click-to-receipt time (ms). */
async function castOnce(page: Page, voteUrl: string): Promise<{ proof: number; cast: number }> {
  await page.goto(voteUrl);
  await page.getByLabel("Yes", { exact: true }).check();
  const started = Date.now();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Cast my vote" }).click();
  await page.getByRole("heading", { name: "Your vote was received" }).waitFor({ timeout: PROOF_TIMEOUT_MS });
  const cast = Date.now() - started;
  const proof = await page.evaluate(() => performance.getEntriesByName("bling-proof").at(-1)?.duration ?? NaN);
  return { proof, cast };
}

/** Navigation start → the ballot form can be used, with the browser cache emptied first. */
async function coldTimeToInteractive(context: BrowserContext, voteUrl: string): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.clearBrowserCache");
  await page.goto(voteUrl, { waitUntil: "commit" });
  await page.getByRole("button", { name: "Continue" }).waitFor();
  await page.getByLabel("Yes", { exact: true }).waitFor();
  const ms = await page.evaluate(() => performance.now());
  await page.close();
  return ms;
}

type Kind = "HTML and RSC data" | "JavaScript" | "CSS" | "circuit artifacts" | "API and config" | "other";

function kindOf(path: string): Kind {
  if (path.startsWith("/v1/") || path === "/config.json") return "API and config";
  if (path.startsWith("/artifacts/")) return "circuit artifacts";
  if (path.endsWith(".js")) return "JavaScript";
  if (path.endsWith(".css")) return "CSS";
  if (path.endsWith("/") || path.endsWith(".html") || path.endsWith(".txt")) return "HTML and RSC data";
  return "other";
}

/** What gzip (as CloudFront compresses) would make of a static file; null for what is not a file. */
async function gzipBytes(path: string): Promise<number | null> {
  const file = path.endsWith("/") ? `${path}index.html` : path;
  try {
    return gzipSync(await readFile(`${SITE_DIR}${file.replace(/^\/vote\/[^/]+\//, "/vote/_/")}`)).length;
  } catch {
    return null;
  }
}

async function transferredBytes(context: BrowserContext, voteUrl: string): Promise<(string | number)[][]> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.clearBrowserCache");
  const seen: Promise<{ path: string; bytes: number }>[] = [];
  page.on("requestfinished", (request) => {
    seen.push(
      request.sizes().then((sizes) => ({
        path: new URL(request.url()).pathname,
        bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      })),
    );
  });
  await castOnce(page, voteUrl);
  await page.close();
  const byKind = new Map<Kind, { requests: number; bytes: number; gzip: number }>();
  for (const { path, bytes } of await Promise.all(seen)) {
    const kind = kindOf(path);
    const row = byKind.get(kind) ?? { requests: 0, bytes: 0, gzip: 0 };
    const zipped = kind === "circuit artifacts" || kind === "API and config" ? null : await gzipBytes(path);
    byKind.set(kind, { requests: row.requests + 1, bytes: row.bytes + bytes, gzip: row.gzip + (zipped ?? bytes) });
  }
  const kb = (n: number): string => (n / 1024).toFixed(1);
  const rows = [...byKind].map(([kind, row]) => [kind, row.requests, kb(row.bytes), kb(row.gzip)]);
  const total = [...byKind.values()].reduce((sum, row) => ({
    requests: sum.requests + row.requests,
    bytes: sum.bytes + row.bytes,
    gzip: sum.gzip + row.gzip,
  }));
  return [...rows, ["total", total.requests, kb(total.bytes), kb(total.gzip)]];
}

/** One vote on the phone profile: click → receipt, and the artifact requests and bytes it caused. */
async function phoneVote(context: BrowserContext, voteUrl: string, cold: boolean): Promise<(string | number)[]> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (cold) {
    await cdp.send("Network.clearBrowserCache");
    await cdp.send("Storage.clearDataForOrigin", { origin: new URL(voteUrl).origin, storageTypes: "cache_storage" });
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpuSlowdown });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: PHONE.latencyMs,
    downloadThroughput: PHONE.bitsPerSecond / 8,
    uploadThroughput: PHONE.bitsPerSecond / 8,
  });
  const artifacts: Promise<number>[] = [];
  page.on("requestfinished", (request) => {
    if (/\/artifacts\/.+\.(wasm|zkey)$/.test(new URL(request.url()).pathname))
      artifacts.push(request.sizes().then((sizes) => sizes.responseBodySize));
  });
  const started = Date.now();
  const { proof, cast } = await castOnce(page, voteUrl);
  const total = Date.now() - started;
  const bytes = (await Promise.all(artifacts)).reduce((sum, n) => sum + n, 0);
  await page.close();
  return [
    cold ? "first visit (nothing kept)" : "re-vote (artifacts kept)",
    total.toFixed(0),
    cast.toFixed(0),
    proof.toFixed(0),
    artifacts.length,
    (bytes / 1024).toFixed(1),
  ];
}

export async function benchWeb(): Promise<void> {
  const [stack, browser] = await Promise.all([startSiteStack(), launchChromium()]);
  try {
    const seed = await seedDemo(stack.deps);
    if (!seed) throw new Error("the bench needs a fresh stack");
    const voteUrl = `${stack.apiUrl}/vote/${seed.referendumId}/`;
    const context = await browser.newContext({ locale: "en-GB" });
    const setup = await context.newPage();
    await restoreIdentity(setup, stack.apiUrl, seed.voters[0] ?? "");
    await setup.close();

    const bytes = await transferredBytes(context, voteUrl);
    const tti: number[] = [];
    for (let i = 0; i < RUNS; i++) tti.push(await coldTimeToInteractive(context, voteUrl));
    const proofs: { proof: number; cast: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await context.newPage();
      proofs.push(await castOnce(page, voteUrl));
      await page.close();
    }
    const phone = [await phoneVote(context, voteUrl, true), await phoneVote(context, voteUrl, false)];
    const version = browser.version();
    printTable(
      `Website in headless Chromium ${version} (local stack on 127.0.0.1; median of ${RUNS}; 2 cores)`,
      ["measure", "median ms", "min ms", "max ms"],
      [
        ["ballot proof in the browser (worker, depth 20, 8 options)", proofs.map((p) => p.proof)],
        ["cast: click → receipt (census and artifact download, proof, submit)", proofs.map((p) => p.cast)],
        ["vote page time to interactive, cold cache", tti],
      ].map(([name, values]) => {
        const list = values as number[];
        return [name as string, median(list).toFixed(0), Math.min(...list).toFixed(0), Math.max(...list).toFixed(0)];
      }),
    );
    printTable(
      "Bytes for a first visit to the vote page and one vote (cold cache; gzip = what CloudFront's compression sends for static text)",
      ["kind", "requests", "KiB on the wire here", "KiB gzip"],
      bytes,
    );
    printTable(
      `Phone profile (CPU ×${PHONE.cpuSlowdown}, ${PHONE.bitsPerSecond / 1e6} Mbit/s, ${PHONE.latencyMs} ms): a first visit's vote and a re-vote`,
      ["vote", "page load → receipt ms", "cast click → receipt ms", "proof ms", "artifact requests", "artifact KiB"],
      phone,
    );
  } finally {
    await browser.close();
    await stack.stop();
  }
}
