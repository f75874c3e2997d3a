/**
 * `npm start` as a developer meets it: a real child process on a temporary data folder, stopped with
 * Ctrl-C (SIGINT), restarted on the same data.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdir, readFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { apiClient, expectStatus } from "../../fixtures/api-client";

const ROOT = join(__dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");

interface Started {
  child: ChildProcess;
  output: () => string;
  apiUrl: string;
  token: string;
}

function start(dataDir: string): Promise<Started> {
  const child = spawn(TSX, ["local/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, BLING_DATA_DIR: dataDir, BLING_PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`npm start did not come up:\n${text}`));
    }, 90_000);
    child.once("exit", (code) => {
      reject(new Error(`npm start exited with ${code}:\n${text}`));
    });
    child.stdout.on("data", () => {
      const api = /API +(http:\/\/127\.0\.0\.1:\d+)\/v1\/config/.exec(text);
      const token = /council token +(\S+)/.exec(text);
      if (api && token && text.includes("Ctrl-C")) {
        clearTimeout(timer);
        resolve({ child, output: () => text, apiUrl: api[1]!, token: token[1]! });
      }
    });
  });
}

/** Ctrl-C: resolves with the exit code once the process has stopped everything it started. */
function interrupt(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => {
      resolve(code);
    });
    child.kill("SIGINT");
  });
}

/** Processes whose command line or environment mention the data folder (anvil's state, dynalite's path). */
async function processesUsing(dataDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir("/proc")).filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8");
      const environ = await readFile(`/proc/${pid}/environ`, "utf8");
      if (cmdline.includes(dataDir) || environ.includes(dataDir)) found.push(`${pid} ${cmdline.replace(/\0/g, " ")}`);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

let dataDir: string;
let running: ChildProcess | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "bling-start-"));
});

afterAll(async () => {
  if (running && running.exitCode === null) await interrupt(running);
  await rm(dataDir, { recursive: true, force: true });
});

describe("# npm start", () => {
  it("should run the seeded stack, stop everything on Ctrl-C, and keep its state across a restart", async () => {
    const first = await start(dataDir);
    running = first.child;
    const referendumId = /demo referendum (\d+)/.exec(first.output())?.[1];
    expect(referendumId).toBeDefined();
    expect(first.output()).toMatch(/chain RPC +http:\/\/127\.0\.0\.1:\d+ \(chain id 31337\)/);
    expect(first.output()).toMatch(/registry +0x[0-9a-fA-F]{40}/);
    expect(first.output()).toMatch(/registration codes: \S+/);

    const api = apiClient(first.apiUrl);
    const config = expectStatus(await api<{ chainId: number; registry: string }>("GET", "/v1/config"), 200);
    expect(first.output()).toContain(config.registry);
    const referendum = expectStatus(
      await api<{ state: string; spec: { census: { size: number } } }>("GET", `/v1/referenda/${referendumId}`),
      200,
    );
    expect(referendum.state).toBe("open");
    expect(referendum.spec.census.size).toBe(3);
    // The printed token is a working council token.
    const censuses = expectStatus(
      await api<{ censuses: unknown[] }>("GET", "/v1/council/censuses", { token: first.token }),
      200,
    );
    expect(censuses.censuses).toHaveLength(1);
    // The anchor loop put the demo referendum on chain.
    const anchored = async (): Promise<boolean> =>
      (await api<{ anchors: { opened: boolean } }>("GET", `/v1/referenda/${referendumId}`)).body.anchors.opened;
    const deadline = Date.now() + 30_000;
    while (!(await anchored()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await anchored()).toBe(true);

    expect(await processesUsing(dataDir)).not.toEqual([]);
    expect(await interrupt(first.child)).toBe(0);
    expect(await processesUsing(dataDir)).toEqual([]);

    const second = await start(dataDir);
    running = second.child;
    // Seeded once: the restart serves the same referendum and prints no new codes.
    expect(second.output()).not.toMatch(/demo referendum/);
    const again = apiClient(second.apiUrl);
    const after = expectStatus(await again<{ state: string }>("GET", `/v1/referenda/${referendumId}`), 200);
    expect(after.state).toBe("open");
    const afterConfig = expectStatus(await again<{ registry: string }>("GET", "/v1/config"), 200);
    expect(afterConfig.registry).toBe(config.registry);
    expect(await interrupt(second.child)).toBe(0);
    expect(await processesUsing(dataDir)).toEqual([]);
  });
});
