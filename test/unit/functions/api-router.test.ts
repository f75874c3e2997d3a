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
import { coreDeps } from "../../fixtures/core-fixtures";

const SECRET = new Uint8Array(32).fill(3);
const config: PublicConfig = {
  chainId: "31337",
  registry: "0x0000000000000000000000000000000000000001",
  deployBlock: 1,
  circuit: { name: "vote_d20_k8", zkeySha256: "00", wasmSha256: "00", vkeySha256: "00", ceremony: "dev-insecure" },
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

const concrete = (path: string): string => path.replace(/\{[^}]+\}/g, "x1");

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
        expect(JSON.parse(response.body)).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
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
    expect(await answer(event("POST", "/v1/censuses/x1/registrations", { body: "{" }))).toEqual([
      400,
      "JSON_MALFORMED",
    ]);
    expect(await answer(event("POST", "/v1/censuses/x1/registrations", { body: "x".repeat(70_000) }))).toEqual([
      413,
      "BODY_TOO_LARGE",
    ]);
    expect(await answer(event("GET", "/v1/referenda/x1/log/inclusion?hash=zz"))).toEqual([400, "INPUT_INVALID"]);
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
});
