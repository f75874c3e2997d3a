import type { APIGatewayProxyEventV2 } from "aws-lambda";
import {
  authorizerAuthenticator,
  COUNCIL_CLAIM,
  issueCouncilToken,
  localAuthenticator,
} from "../../../functions/adapters/auth";
import { createApiHandler } from "../../../functions/handlers/api-handler";
import { councilRoutes } from "../../../functions/handlers/council-routes";
import { publicRoutes } from "../../../functions/handlers/public-routes";
import type { PublicConfig } from "../../../functions/api/public-config";
import { createRouter, publicRoute } from "../../../functions/handlers/router";
import { json } from "../../../functions/handlers/http";
import { SNARK_FIELD_SIZE } from "../../../protocol";
import { coreDeps } from "../../fixtures/core-fixtures";

const SECRET = new Uint8Array(32).fill(3);
const config: PublicConfig = {
  chainId: "31337",
  registry: "0x0000000000000000000000000000000000000001",
  deployBlock: 1,
  circuit: { name: "vote_d20_k8", zkeySha256: "00", wasmSha256: "00", vkeySha256: "00", ceremony: "dev-insecure" },
  circuits: {
    vote_d20_k8: {
      name: "vote_d20_k8",
      zkeySha256: "00",
      wasmSha256: "00",
      vkeySha256: "00",
      ceremony: "dev-insecure",
    },
  },
  logPublicKey: "11".repeat(32),
};

function event(
  method: string,
  path: string,
  options: { body?: string; token?: string; claims?: Record<string, unknown> } = {},
): APIGatewayProxyEventV2 {
  const [rawPath = "", rawQueryString = ""] = path.split("?");
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString,
    queryStringParameters: rawQueryString ? Object.fromEntries(new URLSearchParams(rawQueryString)) : undefined,
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    requestContext: {
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "test" },
      ...(options.claims ? { authorizer: { jwt: { claims: options.claims, scopes: [] } } } : {}),
    } as APIGatewayProxyEventV2["requestContext"],
    body: options.body,
    isBase64Encoded: false,
  };
}

/** A well-formed value for every path parameter, so only the one under attack is wrong. */
const VALID: Record<string, string> = {
  referendum: "12345",
  census: "0123456789abcdef0123456789abcdef",
  ballotId: "ab".repeat(32),
  nullifier: "42",
};

/** The route's path with each parameter filled by `fill(name, kind)` (kind: the collection it names). */
function fillPath(path: string, fill: (name: string, kind: string) => string): string {
  return path.replace(/([^/]+)\/\{([^}]+)\}/g, (_all, collection: string, name: string) => {
    const kind = name === "id" ? (collection === "referenda" ? "referendum" : "census") : name;
    return `${collection}/${fill(name, kind)}`;
  });
}

const concrete = (path: string): string => fillPath(path, (_name, kind) => VALID[kind] ?? "x1");

const TOO_LONG = "9".repeat(3000);
const TOO_LONG_WHY = "3,000 digits long";
const BROKEN_ESCAPE = "%E0%A4%A";
const BROKEN_ESCAPE_WHY = "a truncated percent-escape";
const OUT_OF_FIELD_WHY = "the field size (outside the field)";
/**
 * Hostile values of each kind of path parameter (as sent on the wire, percent-encoded where needed),
 * each with what is wrong with it: the test names say it.
 */
const HOSTILE: Record<string, [why: string, value: string][]> = {
  referendum: [
    [TOO_LONG_WHY, TOO_LONG],
    [BROKEN_ESCAPE_WHY, BROKEN_ESCAPE],
    ["a lone percent sign", "%"],
    ["zero", "0"],
    ["a number with a leading zero", "01"],
    ["a negative number", "-1"],
    ["exponent notation", "1e3"],
    ["hexadecimal", "0x1f"],
    ["letters", "abc"],
    ["an encoded slash", "1%2F2"],
    [OUT_OF_FIELD_WHY, SNARK_FIELD_SIZE.toString()],
  ],
  census: [
    [TOO_LONG_WHY, TOO_LONG],
    [BROKEN_ESCAPE_WHY, BROKEN_ESCAPE],
    ["upper-case hex", "0123456789ABCDEF0123456789ABCDEF"],
    ["31 hex digits, one short", "0123456789abcdef0123456789abcde"],
    ["32 characters with a non-hex one", "0123456789abcdef0123456789abcdeg"],
    ["2,048 hex digits", "f".repeat(2048)],
  ],
  ballotId: [
    [TOO_LONG_WHY, TOO_LONG],
    [BROKEN_ESCAPE_WHY, BROKEN_ESCAPE],
    ["upper-case hex", "AB".repeat(32)],
    ["31 bytes of hex, one short", "ab".repeat(31)],
    ["64 non-hex characters", "zz".repeat(32)],
  ],
  nullifier: [
    [TOO_LONG_WHY, TOO_LONG],
    [BROKEN_ESCAPE_WHY, BROKEN_ESCAPE],
    ["a number with a leading zero", "01"],
    ["a negative number", "-1"],
    [OUT_OF_FIELD_WHY, SNARK_FIELD_SIZE.toString()],
  ],
};

const ALL_ROUTES = [...publicRoutes, ...councilRoutes];
/** Every route with a parameter, once per hostile value of each of its parameters. */
const ATTACKS = ALL_ROUTES.flatMap((route) => {
  const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  return names.flatMap((target) => {
    const kinds: string[] = [];
    fillPath(route.path, (name, kind) => {
      if (name === target) kinds.push(kind);
      return "";
    });
    const kind = kinds[0] ?? "";
    return (HOSTILE[kind] ?? []).map(([why, value]) => ({
      route,
      target,
      why,
      path: fillPath(route.path, (name, k) => (name === target ? value : (VALID[k] ?? ""))),
    }));
  });
});

describe("# API router", () => {
  const deps = coreDeps();
  const handler = createApiHandler({ deps, authenticate: localAuthenticator(SECRET), config, log: () => undefined });

  it("should refuse every council route without a valid token, before reading the body, and write nothing", async () => {
    expect(councilRoutes.length).toBeGreaterThanOrEqual(9);
    const forged = await issueCouncilToken(new Uint8Array(32).fill(4), "council-a");
    const expired = await issueCouncilToken(SECRET, "council-a", -60);
    for (const route of councilRoutes) {
      for (const token of [undefined, "garbage", forged, expired]) {
        const response = await handler(event(route.method, concrete(route.path), { token, body: "{not json" }));
        expect([route.path, token === undefined, response.statusCode]).toEqual([route.path, token === undefined, 401]);
        // An expired token was once good: the council asks for a new one rather than checking what it pasted.
        const code = token === expired ? "TOKEN_EXPIRED" : "UNAUTHENTICATED";
        expect(JSON.parse(response.body)).toMatchObject({ error: { code } });
      }
    }
    expect(deps.store.size).toBe(0);
  });

  it("should keep council routes under /v1/council and public ones out of it", () => {
    for (const route of councilRoutes) expect(route.path.startsWith("/v1/council/")).toBe(true);
    for (const route of publicRoutes) {
      expect(route.council).toBeUndefined();
      expect(route.path.startsWith("/v1/council")).toBe(false);
    }
  });

  it("should take the council from the token, never from the body", async () => {
    const token = await issueCouncilToken(SECRET, "council-a");
    const created = await handler(
      event("POST", "/v1/council/censuses", { token, body: JSON.stringify({ name: "Town", councilId: "council-b" }) }),
    );
    expect(created.statusCode).toBe(201);
    expect(JSON.parse(created.body)).toMatchObject({ councilId: "council-a" });
    // Anyone sees the census by the name its council gave it (citizens never read its id), not whose it is.
    const { id } = JSON.parse(created.body) as { id: string };
    const shown = await handler(event("GET", `/v1/censuses/${id}`));
    expect(JSON.parse(shown.body)).toEqual({
      id,
      name: "Town",
      size: 0,
      depth: 20,
      root: expect.any(String) as string,
    });
    const other = await handler(
      event("GET", "/v1/council/censuses", { token: await issueCouncilToken(SECRET, "council-b") }),
    );
    expect(JSON.parse(other.body)).toEqual({ censuses: [] });
  });

  it("should map routing and body problems to stable codes", async () => {
    const answer = async (e: APIGatewayProxyEventV2) => {
      const response = await handler(e);
      return [response.statusCode, (JSON.parse(response.body) as { error?: { code: string } }).error?.code];
    };
    expect(await answer(event("GET", "/v1/nowhere"))).toEqual([404, "ROUTE_NOT_FOUND"]);
    expect(await answer(event("DELETE", "/v1/config"))).toEqual([405, "METHOD_NOT_ALLOWED"]);
    const registrations = `/v1/censuses/${VALID.census}/registrations`;
    expect(await answer(event("POST", registrations, { body: "{" }))).toEqual([400, "JSON_MALFORMED"]);
    expect(await answer(event("POST", registrations, { body: "x".repeat(70_000) }))).toEqual([413, "BODY_TOO_LARGE"]);
    expect(await answer(event("GET", "/v1/referenda/12345/log/inclusion?hash=zz"))).toEqual([400, "INPUT_INVALID"]);
    expect(await answer(event("GET", "/v1/config"))).toEqual([200, undefined]);
  });

  it("should read the council claim API Gateway's JWT authorizer passed on", async () => {
    expect(await authorizerAuthenticator(event("GET", "/", { claims: { [COUNCIL_CLAIM]: "council-a" } }))).toBe(
      "council-a",
    );
    expect(await authorizerAuthenticator(event("GET", "/", { claims: { [COUNCIL_CLAIM]: "" } }))).toBeNull();
    expect(await authorizerAuthenticator(event("GET", "/", { claims: {} }))).toBeNull();
    expect(await authorizerAuthenticator(event("GET", "/"))).toBeNull();
  });

  describe("## hostile path parameters", () => {
    let token: string;
    beforeAll(async () => {
      token = await issueCouncilToken(SECRET, "council-a");
    });

    it("should have hostile values for every parameter of every route", () => {
      const withParams = ALL_ROUTES.filter((route) => route.path.includes("{"));
      expect(withParams.length).toBeGreaterThanOrEqual(15);
      for (const route of withParams) expect(ATTACKS.some((attack) => attack.route === route)).toBe(true);
    });

    it.each(ATTACKS.map((a) => [`${a.route.method} ${a.route.path} when {${a.target}} is ${a.why}`, a]))(
      "should answer %s with 400 PATH_INVALID and write nothing",
      async (_name, { route, target, path }) => {
        const before = deps.store.size;
        const response = await handler(
          event(route.method, path, { token: route.council ? token : undefined, body: "{}" }),
        );
        expect(response.statusCode).toBe(400);
        const { error } = JSON.parse(response.body) as { error: { code: string; details: { path: string }[] } };
        expect([error.code, error.details.map((d) => d.path)]).toEqual(["PATH_INVALID", [target]]);
        expect(deps.store.size).toBe(before);
      },
    );

    it("should still hand well-formed ids to the handler", async () => {
      const answer = async (path: string, token?: string) => {
        const response = await handler(event("GET", path, { token }));
        return [response.statusCode, (JSON.parse(response.body) as { error?: { code: string } }).error?.code];
      };
      expect(await answer(`/v1/referenda/${VALID.referendum}`)).toEqual([404, "REFERENDUM_NOT_FOUND"]);
      expect(await answer(`/v1/referenda/${(SNARK_FIELD_SIZE - 1n).toString()}/log/head`)).toEqual([
        404,
        "REFERENDUM_NOT_FOUND",
      ]);
      expect(await answer(`/v1/censuses/${VALID.census}`)).toEqual([404, "CENSUS_NOT_FOUND"]);
      // A percent-encoded digit is still that digit.
      expect(await answer(`/v1/censuses/%30123456789abcdef0123456789abcdef`)).toEqual([404, "CENSUS_NOT_FOUND"]);
      expect(await answer(`/v1/council/referenda/${VALID.referendum}`, token)).toEqual([404, "REFERENDUM_NOT_FOUND"]);
    });

    it("should validate a parameter of a route added later by its name, and refuse a route with an unknown one", async () => {
      const seen: string[] = [];
      const route = publicRoute("GET", "/v1/referenda/{id}/nullifiers/{nullifier}", ({ params }) => {
        seen.push(`${params.id}:${params.nullifier}`);
        return Promise.resolve(json(200, {}));
      });
      const router = createRouter([route], {
        deps,
        authenticate: localAuthenticator(SECRET),
        config,
        log: () => undefined,
      });
      expect((await router(event("GET", "/v1/referenda/7/nullifiers/42"))).statusCode).toBe(200);
      for (const [why, bad] of HOSTILE.nullifier ?? []) {
        const response = await router(event("GET", `/v1/referenda/7/nullifiers/${bad}`));
        expect([why, response.statusCode]).toEqual([why, 400]);
      }
      expect(seen).toEqual(["7:42"]);
      expect(() => publicRoute("GET", "/v1/things/{thing}", () => Promise.resolve(json(200, {})))).toThrow(/\{thing\}/);
    });
  });
});
