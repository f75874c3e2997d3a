/**
 * `npm run build:web`: the static site in web/out.
 * 1. Copies the ballot circuits' artifacts (wasm, zkey, key, manifest) into web/public/artifacts:
 *    the browser proves with them and checks each against the manifest's sha256 first. Every
 *    circuit the service verifies (public-vote and sealed), so a vote page downloads only the one
 *    its referendum names.
 * 2. Runs `next build` (static export).
 * 3. Moves every inline script of the export into a file of its own: the site's Content-Security-
 *    Policy allows scripts only from the site ('self'), and one policy serves every page.
 * 4. Drops the raw copies of our TypeScript sources that Turbopack leaves beside the worker bundles.
 * Skips all of it when web/out was built from the same inputs (`--force` rebuilds).
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { ARTIFACTS_DIR } from "../../protocol/artifacts.node";
import { SERVICE_CIRCUITS } from "../../protocol/service-circuits";

const ROOT = join(__dirname, "..", "..");
const WEB = join(ROOT, "web");
const OUT = join(WEB, "out");
const STAMP = join(OUT, ".build-stamp");
/** Everything the export is built from, besides the dependencies pinned in package-lock.json. */
const INPUTS = [
  "web",
  "protocol",
  "circuits/artifacts",
  "functions/api",
  "contracts/src",
  "audit",
  "package-lock.json",
];
const IGNORED = new Set(["out", ".next", "node_modules", "public"]);

async function filesUnder(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((name) => !IGNORED.has(name) && name !== "next-env.d.ts").sort();
  return (await Promise.all(names.map((name) => filesUnder(join(path, name))))).flat();
}

/** A hash of every input file's path and bytes: equal stamps mean an equal export. */
async function inputsHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of await filesUnder(join(ROOT, input))) {
      hash
        .update(relative(ROOT, file))
        .update("\0")
        .update(await readFile(file))
        .update("\0");
    }
  }
  return hash.digest("hex");
}

async function copyArtifacts(): Promise<void> {
  const target = join(WEB, "public", "artifacts");
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  for (const circuit of SERVICE_CIRCUITS) {
    // A checkout without a circuit's artifacts yet builds a site without that kind of ballot.
    if (!existsSync(join(ARTIFACTS_DIR, circuit))) {
      console.warn(`no artifacts for ${circuit}: the site cannot prove its ballots`);
      continue;
    }
    await cp(join(ARTIFACTS_DIR, circuit), join(target, circuit), { recursive: true });
  }
}

const INLINE_SCRIPT = /<script((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)>([\s\S]*?)<\/script>/g;

/** Rewrites one page: each inline executable script becomes `<script src>` at the same place, so order holds. */
export function externalizeInlineScripts(html: string, write: (body: string) => string): string {
  return html.replace(INLINE_SCRIPT, (whole, attributes: string, body: string) => {
    if (body.trim() === "" || /\ssrc=/.test(attributes)) return whole;
    const type = /\stype="([^"]*)"/.exec(attributes)?.[1];
    if (type !== undefined && type !== "text/javascript" && type !== "module") return whole;
    return `<script${attributes} src="${write(body)}"></script>`;
  });
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return htmlFiles(path);
      return Promise.resolve(entry.name.endsWith(".html") ? [path] : []);
    }),
  );
  return nested.flat();
}

async function moveInlineScripts(): Promise<number> {
  const dir = join(OUT, "_next", "static", "inline");
  await mkdir(dir, { recursive: true });
  const scripts = new Map<string, string>();
  for (const file of await htmlFiles(OUT)) {
    const html = await readFile(file, "utf8");
    const rewritten = externalizeInlineScripts(html, (body) => {
      const name = `${createHash("sha256").update(body).digest("hex").slice(0, 20)}.js`;
      scripts.set(name, body);
      return `/_next/static/inline/${name}`;
    });
    await writeFile(file, rewritten);
  }
  await Promise.all([...scripts].map(([name, body]) => writeFile(join(dir, name), body)));
  return scripts.size;
}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? filesIn(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]),
    ),
  );
  return nested.flat();
}

/**
 * Turbopack reads `new Worker(new URL("…worker.ts", import.meta.url))` as two references: the worker,
 * which it bundles into the chunks the page loads, and the inner `new URL` as a plain asset, which it
 * copies verbatim into _next/static/media. No page loads that copy (the client's asset module is never
 * required; the prerender graph, where Turbopack does not bundle workers, is the one that asks for it),
 * and no call-site shape avoids it (guards and dynamic imports were tried). It would publish our
 * TypeScript as static files, so every byte-exact copy of a source file is dropped from the export.
 */
async function dropSourceCopies(): Promise<string[]> {
  const digest = async (file: string): Promise<string> =>
    createHash("sha256")
      .update(await readFile(file))
      .digest("hex");
  const sources = new Set<string>();
  for (const input of INPUTS) {
    for (const file of await filesUnder(join(ROOT, input))) if (/\.tsx?$/.test(file)) sources.add(await digest(file));
  }
  const dropped: string[] = [];
  for (const file of await filesIn(OUT)) {
    if (!/\.tsx?$/.test(file) || !sources.has(await digest(file))) continue;
    await rm(file);
    dropped.push(relative(OUT, file));
  }
  return dropped;
}

export async function buildWeb(force = false): Promise<void> {
  const stamp = await inputsHash();
  if (!force && existsSync(STAMP) && (await readFile(STAMP, "utf8")) === stamp) {
    console.log("web/out is up to date");
    return;
  }
  await copyArtifacts();
  await rm(OUT, { recursive: true, force: true });
  execFileSync(join(ROOT, "node_modules", ".bin", "next"), ["build", WEB], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const moved = await moveInlineScripts();
  const dropped = await dropSourceCopies();
  await writeFile(STAMP, stamp);
  console.log(
    `web/out built; ${moved} inline scripts moved to files; source copies dropped: ${dropped.join(", ") || "none"}`,
  );
}

if (require.main === module) {
  buildWeb(process.argv.includes("--force")).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
