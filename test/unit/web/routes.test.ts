import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { routeIdOf } from "../../../web/lib/route-id";
import { SITE_PATH_FUNCTION_CODE, sitePathToFile } from "../../../web/lib/routes";
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
