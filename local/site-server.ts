/**
 * Serves the static site (web/out) beside the local API, as CloudFront does in AWS: the same
 * path rule (web/lib/routes.ts), the same security headers and CSP, and `/config.json` written for
 * this stack.
 */
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { ARTIFACT_CACHE_CONTROL, isContentAddressedArtifact, sitePathToFile } from "../web/lib/routes";
import type { SiteConfig } from "../web/lib/site-config";
import { contentSecurityPolicy, SITE_HEADERS } from "../web/security-headers";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".zkey": "application/octet-stream",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/**
 * An artifact file asked for by its content (`?sha256=`, web/lib/artifacts.ts) may be kept by the
 * browser for a year: a new artifact set has new hashes, so new addresses. Every other file is
 * revalidated, as CloudFront's ARTIFACT_CACHE_FUNCTION_CODE does for the deployed site.
 */
export function artifactCacheHeaders(path: string, search: string): Record<string, string> {
  return isContentAddressedArtifact(path, search) ? { "cache-control": ARTIFACT_CACHE_CONTROL } : {};
}

export type SiteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** A handler for every path that is not the API's; `config` is what `/config.json` answers. */
export function siteHandler(outDir: string, config: () => SiteConfig): SiteHandler {
  const root = normalize(outDir);
  return async (request, response) => {
    const current = config();
    const headers = {
      ...SITE_HEADERS,
      "content-security-policy": contentSecurityPolicy({
        api: new URL(current.apiUrl).origin,
        rpc: new URL(current.chainRpcUrl).origin,
        signIn: current.auth.signInUrl ? new URL(current.auth.signInUrl).origin : undefined,
        upgradeInsecureRequests: false,
      }),
    };
    const url = new URL(request.url ?? "/", "http://local");
    const path = decodeURIComponent(url.pathname);
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, headers).end();
      return;
    }
    if (path === "/config.json") {
      response
        .writeHead(200, { ...headers, "content-type": TYPES[".json"], "cache-control": "no-store" })
        .end(JSON.stringify(current));
      return;
    }
    const file = normalize(join(root, sitePathToFile(path)));
    if (!file.startsWith(root + sep)) {
      response.writeHead(404, headers).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        ...headers,
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        ...artifactCacheHeaders(path, url.search),
      });
      response.end(request.method === "HEAD" ? undefined : body);
    } catch {
      const notFound = await readFile(join(root, "404.html")).catch(() => Buffer.from("not found"));
      response.writeHead(404, { ...headers, "content-type": TYPES[".html"] }).end(notFound);
    }
  };
}
