import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { routeIdOf } from "../../../web/lib/route-id";
import {
  ARTIFACT_CACHE_CONTROL,
  ARTIFACT_CACHE_FUNCTION_CODE,
  isContentAddressedArtifact,
  SITE_PATH_FUNCTION_CODE,
  sitePathToFile,
} from "../../../web/lib/routes";
import { FUZZ_RUNS } from "../../fixtures/fuzz";

/** The CloudFront Function's handler, run as CloudFront would: one request in, the request out. */
function cloudFrontPath(uri: string): string {
  const run = runInNewContext(`${SITE_PATH_FUNCTION_CODE}; handler`) as (event: { request: { uri: string } }) => {
    uri: string;
  };
  return run({ request: { uri } }).uri;
}

describe("# sitePathToFile", () => {
  it.each([
    ["/", "/index.html"],
    ["/register/", "/register/index.html"],
    ["/register", "/register/index.html"],
    ["/vote/42/", "/vote/_/index.html"],
    ["/vote/42", "/vote/_/index.html"],
    ["/verify/123/", "/verify/_/index.html"],
    ["/verify/", "/verify/index.html"],
    ["/vote/42/index.txt", "/vote/42/index.txt"],
    ["/_next/static/chunks/a.js", "/_next/static/chunks/a.js"],
    ["/artifacts/vote_d20_k8/vote_d20_k8.zkey", "/artifacts/vote_d20_k8/vote_d20_k8.zkey"],
    ["/config.json", "/config.json"],
  ])("should serve %s from %s", (path, file) => {
    expect(sitePathToFile(path)).toBe(file);
    expect(cloudFrontPath(path)).toBe(file);
  });

  it("[fuzz] should map every path the same in CloudFront as locally", () => {
    const segment = fc.stringMatching(/^[a-z0-9_.-]{0,8}$/);
    const path = fc
      .tuple(
        fc.constantFrom("", "vote", "verify", "register", "_next"),
        fc.array(segment, { maxLength: 3 }),
        fc.boolean(),
      )
      .map(([first, rest, slash]) => `/${[first, ...rest].filter(Boolean).join("/")}${slash ? "/" : ""}`);
    fc.assert(
      fc.property(path, (p) => sitePathToFile(p) === cloudFrontPath(p)),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("# routeIdOf", () => {
  it("should read the id after the section, and none for the placeholder or another section", () => {
    expect(routeIdOf("/vote/42/", "vote")).toBe("42");
    expect(routeIdOf("/vote/42", "vote")).toBe("42");
    expect(routeIdOf("/vote/_/", "vote")).toBeNull();
    expect(routeIdOf("/verify/42/", "vote")).toBeNull();
    expect(routeIdOf("/vote/", "vote")).toBeNull();
  });

  it("should read a malformed percent-encoding as no id, not throw", () => {
    expect(routeIdOf("/verify/%E0%A4%A/", "verify")).toBeNull();
    expect(routeIdOf("/vote/%/", "vote")).toBeNull();
    expect(routeIdOf("/vote/%34%32/", "vote")).toBe("42");
  });
});

/** The viewer-response function as CloudFront runs it: the Cache-Control it sets, if any. */
function cloudFrontCacheControl(uri: string, search: string, statusCode = 200): string | undefined {
  const querystring: Record<string, { value: string; multiValue?: { value: string }[] }> = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const seen = querystring[key];
    if (seen) seen.multiValue = [...(seen.multiValue ?? [{ value: seen.value }]), { value }];
    else querystring[key] = { value };
  }
  type Event = {
    request: { uri: string; querystring: typeof querystring };
    response: { statusCode: number; headers: Record<string, { value: string }> };
  };
  const run = runInNewContext(`${ARTIFACT_CACHE_FUNCTION_CODE}; handler`) as (event: Event) => Event["response"];
  return run({ request: { uri, querystring }, response: { statusCode, headers: {} } }).headers["cache-control"]?.value;
}

describe("# isContentAddressedArtifact", () => {
  const hash = "a".repeat(64);
  it.each([
    ["/artifacts/vote_d20_k8/vote_d20_k8.zkey", `?sha256=${hash}`, true],
    ["/artifacts/vote_d20_k8/vote_d20_k8.wasm", `?sha256=${hash}`, true],
    ["/artifacts/vote_d20_k8/verification_key.json", `?sha256=${hash}`, true],
    ["/artifacts/vote_d20_k8/manifest.json", `?sha256=${hash}`, false],
    ["/artifacts/vote_d20_k8/vote_d20_k8.zkey", "", false],
    ["/artifacts/vote_d20_k8/vote_d20_k8.zkey", "?sha256=abc", false],
    ["/artifacts/vote_d20_k8/vote_d20_k8.zkey", `?sha256=${hash}&x=1`, false],
    ["/_next/static/a.js", `?sha256=${hash}`, false],
    ["/index.html", `?sha256=${hash}`, false],
  ])("should say %s%s is content-addressed: %s (locally and in CloudFront)", (path, search, expected) => {
    expect(isContentAddressedArtifact(path, search)).toBe(expected);
    expect(cloudFrontCacheControl(path, search)).toBe(expected ? ARTIFACT_CACHE_CONTROL : undefined);
  });

  it("should not keep an error answer", () => {
    expect(cloudFrontCacheControl("/artifacts/a/a.zkey", `?sha256=${hash}`, 404)).toBeUndefined();
  });
});
