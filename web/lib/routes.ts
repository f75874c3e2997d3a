/**
 * Ids in paths of a static site: `/vote/{id}/` and `/verify/{id}/` are each built once, as
 * `/vote/_/`, and the server (CloudFront's function in AWS, the local stack's file server) answers
 * every id with that page; the page reads the real id from the address bar.
 */

/** The placeholder id the dynamic pages are built with. */
export const ROUTE_PLACEHOLDER = "_";

/** The sections whose second path segment is an id. */
export const ID_SECTIONS = ["vote", "verify"] as const;

/**
 * The built file that serves a site path: `/vote/42/` → `/vote/_/index.html`, `/register/` →
 * `/register/index.html`, `/a.js` → `/a.js`. The same rule runs in CloudFront and locally.
 */
export function sitePathToFile(path: string): string {
  const section = ID_SECTIONS.find((name) => new RegExp(`^/${name}/[^/.]+/?$`).test(path));
  if (section) return `/${section}/${ROUTE_PLACEHOLDER}/index.html`;
  if (path.endsWith("/")) return `${path}index.html`;
  const last = path.split("/").pop() ?? "";
  return last.includes(".") ? path : `${path}/index.html`;
}

/**
 * sitePathToFile as a CloudFront Function (cloudfront-js-2.0, viewer request): S3 has no index
 * documents behind CloudFront, so every page path is mapped to its file before the origin is asked.
 * test/unit/web/routes.test.ts holds it to sitePathToFile.
 */
export const SITE_PATH_FUNCTION_CODE = `
var ID_PAGE = new RegExp("^/(${ID_SECTIONS.join("|")})/[^/.]+/?$");
function handler(event) {
  var request = event.request;
  var path = request.uri;
  var section = ID_PAGE.exec(path);
  if (section) {
    request.uri = "/" + section[1] + "/${ROUTE_PLACEHOLDER}/index.html";
  } else if (path.endsWith("/")) {
    request.uri = path + "index.html";
  } else if (path.split("/").pop().indexOf(".") === -1) {
    request.uri = path + "/index.html";
  }
  return request;
}
`;

/** How long browsers may keep a content-addressed artifact file: a year, never revalidated. */
export const ARTIFACT_CACHE_CONTROL = "public, max-age=31536000, immutable";

const ARTIFACT_PATH = /^\/artifacts\/[\w.-]+\/[\w.-]+\.(wasm|zkey|json)$/;

/**
 * Whether a request names an artifact file by its content: `/artifacts/<circuit>/<file>?sha256=<64 hex>`
 * (web/lib/artifacts.ts's artifactUrl). The file is hash-checked by whoever uses it, so a copy kept
 * for a year is either the right one or refused.
 */
export function isContentAddressedArtifact(path: string, search: string): boolean {
  return ARTIFACT_PATH.test(path) && !path.endsWith("/manifest.json") && /^\?sha256=[0-9a-f]{64}$/.test(search);
}

/**
 * isContentAddressedArtifact as a CloudFront Function (cloudfront-js-2.0, viewer response): the
 * long-lived Cache-Control header on artifact files asked for by their hash, none on anything else.
 */
export const ARTIFACT_CACHE_FUNCTION_CODE = `
var ARTIFACT = ${ARTIFACT_PATH.toString()};
function handler(event) {
  var request = event.request;
  var response = event.response;
  var hash = request.querystring.sha256;
  var keys = Object.keys(request.querystring);
  if (response.statusCode === 200 && ARTIFACT.test(request.uri) && !request.uri.endsWith("/manifest.json") &&
      keys.length === 1 && hash && !hash.multiValue && /^[0-9a-f]{64}$/.test(hash.value)) {
    response.headers["cache-control"] = { value: "${ARTIFACT_CACHE_CONTROL}" };
  }
  return response;
}
`;
