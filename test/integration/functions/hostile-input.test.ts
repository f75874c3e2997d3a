/**
 * Hostile input over real HTTP: the local server in front of the API handler with dynalite behind
 * it, so store key limits and socket handling are the real ones.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ScanCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { issueCouncilToken, localAuthenticator } from "../../../functions/adapters/auth";
import { DynamoStore, dynamoClient, ensureTable } from "../../../functions/adapters/dynamo-store";
import { startDynalite, type LocalDynalite } from "../../../local/dynalite";
import { MAX_BODY_BYTES } from "../../../functions/api/schemas";
import type { PublicConfig } from "../../../functions/api/public-config";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { createApiHandler } from "../../../functions/handlers/api-handler";
import { json } from "../../../functions/handlers/http";
import { councilRoutes } from "../../../functions/handlers/council-routes";
import { publicRoutes } from "../../../functions/handlers/public-routes";
import { startHttp, type LocalHttp } from "../../../local/http-server";
import { coreDeps } from "../../fixtures/core-fixtures";

const TABLE = "bling";
const SECRET = new Uint8Array(32).fill(5);
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

let dir: string;
let dynalite: LocalDynalite;
let client: DynamoDBClient;
let http: LocalHttp;
let port: number;
let token: string;
let censusId: string;
/** The service's clock (a manual one), which drafts' times are judged by. */
let serviceNow: () => number;

interface Answer {
  status: number;
  body: unknown;
  reusedSocket: boolean;
  connection: string | undefined;
}

/** One request with node:http (fetch would normalise the path), on `agent` so sockets can be watched. */
function send(
  agent: Agent,
  method: string,
  path: string,
  options: { body?: Buffer; chunked?: boolean; token?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body && !options.chunked) headers["content-length"] = String(options.body.length);
    const req = request({ host: "127.0.0.1", port, method, path, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({
          status: res.statusCode ?? 0,
          body: text.startsWith("{") ? (JSON.parse(text) as unknown) : text,
          reusedSocket: req.reusedSocket,
          connection: res.headers.connection,
        });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    if (options.body && options.chunked) {
      // Several writes, so the server sees a chunked body arrive in pieces.
      for (let offset = 0; offset < options.body.length; offset += 64 * 1024) {
        req.write(options.body.subarray(offset, offset + 64 * 1024));
      }
      req.end();
    } else req.end(options.body);
  });
}

async function itemCount(): Promise<number> {
  let count = 0;
  let start: Record<string, never> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: TABLE, Select: "COUNT", ExclusiveStartKey: start }));
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return count;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bling-hostile-"));
  dynalite = await startDynalite(join(dir, "db"));
  client = dynamoClient(dynalite.endpoint);
  await ensureTable(client, TABLE);
  const deps = { ...coreDeps(), store: new DynamoStore(client, TABLE) };
  serviceNow = () => deps.clock.now();
  http = await startHttp(
    createApiHandler({ deps, authenticate: localAuthenticator(SECRET), config, log: () => undefined }),
  );
  port = Number(new URL(http.url).port);
  token = await issueCouncilToken(SECRET, "council-a");
  const agent = new Agent();
  const created = await send(agent, "POST", "/v1/council/censuses", {
    token,
    body: Buffer.from(JSON.stringify({ name: "Town" })),
  });
  expect(created.status).toBe(201);
  censusId = (created.body as { id: string }).id;
  agent.destroy();
});

afterAll(async () => {
  await http.close();
  await dynalite.stop();
  await rm(dir, { recursive: true, force: true });
});

const HOSTILE = ["9".repeat(3000), "%E0%A4%A", "%", "ABCDEF0123456789ABCDEF0123456789", "f".repeat(2048)];

describe("# hostile input over HTTP", () => {
  it("should answer every route's hostile path with 400 PATH_INVALID, never a 500, and write nothing", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const before = await itemCount();
    const routes = [...publicRoutes, ...councilRoutes].filter((route) => route.path.includes("{"));
    const seen: string[] = [];
    for (const route of routes) {
      for (const value of HOSTILE) {
        // Every parameter at once: the first one checked is enough to refuse the request.
        const path = route.path.replace(/\{[^}]+\}/g, value);
        const answer = await send(agent, route.method, path, {
          token: route.council ? token : undefined,
          body: Buffer.from("{}"),
        });
        seen.push(`${route.method} ${route.path} ${value.slice(0, 12)} ${answer.status}`);
        expect([route.path, value.slice(0, 12), answer.status, answer.body]).toMatchObject([
          route.path,
          value.slice(0, 12),
          400,
          { error: { code: "PATH_INVALID" } },
        ]);
      }
    }
    expect(seen.length).toBeGreaterThanOrEqual(15 * HOSTILE.length);
    // The well-formed id of a census that exists still works on the same connection.
    expect((await send(agent, "GET", `/v1/censuses/${censusId}`)).status).toBe(200);
    expect(await itemCount()).toBe(before);
    agent.destroy();
  });

  it.each([
    ["with a content-length", false],
    ["chunked", true],
  ])(
    "should answer an oversized body (%s) with 413 and keep the connection for the next request",
    async (_name, chunked) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const other = new Agent({ keepAlive: true, maxSockets: 1 });
      expect((await send(other, "GET", "/v1/config")).status).toBe(200);
      const before = await itemCount();
      expect((await send(agent, "GET", "/v1/config")).status).toBe(200);
      const oversized = await send(agent, "POST", `/v1/censuses/${censusId}/registrations`, {
        body: Buffer.alloc(MAX_BODY_BYTES * 4, "x"),
        chunked,
      });
      expect([oversized.status, oversized.body, oversized.reusedSocket]).toEqual([
        413,
        { error: { code: "BODY_TOO_LARGE", message: expect.any(String) as unknown } },
        true,
      ]);
      // A council route still authenticates before it looks at the body, as behind API Gateway.
      const unauthenticated = await send(agent, "POST", "/v1/council/referenda", {
        body: Buffer.alloc(MAX_BODY_BYTES * 4, "x"),
        chunked,
      });
      expect([unauthenticated.status, unauthenticated.body, unauthenticated.reusedSocket]).toMatchObject([
        401,
        { error: { code: "UNAUTHENTICATED" } },
        true,
      ]);
      const next = await send(agent, "GET", "/v1/config");
      expect([next.status, next.reusedSocket]).toEqual([200, true]);
      const third = await send(other, "GET", "/v1/config");
      expect([third.status, third.reusedSocket]).toEqual([200, true]);
      expect(await itemCount()).toBe(before);
      agent.destroy();
      other.destroy();
    },
  );

  it.each([
    ["with a content-length", false],
    ["chunked", true],
  ])("should answer a body too large to drain (%s) with 413 and close only that connection", async (_name, chunked) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const other = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await send(other, "GET", "/v1/config")).status).toBe(200);
    const huge = await send(agent, "POST", `/v1/censuses/${censusId}/registrations`, {
      body: Buffer.alloc(64 * 1024 * 1024, "x"),
      chunked,
    }).catch((error: unknown) => ({ status: 0, body: String(error), reusedSocket: false, connection: undefined }));
    expect([huge.status, huge.body]).toMatchObject([413, { error: { code: "BODY_TOO_LARGE" } }]);
    expect(huge.connection).toBe("close");
    expect((await send(agent, "GET", "/v1/config")).status).toBe(200);
    const untouched = await send(other, "GET", "/v1/config");
    expect([untouched.status, untouched.reusedSocket]).toEqual([200, true]);
    agent.destroy();
    other.destroy();
  });

  it("should refuse a draft allowing more approvals than options, or closing in the past, naming the field", async () => {
    const agent = new Agent();
    const now = Math.floor(serviceNow() / 1000);
    const draft = {
      title: "Which parks get new benches?",
      options: ["North", "South"],
      rules: { preset: "approval", maxApprovals: 2 },
      censusId,
      opensAt: now - 3600,
      closesAt: now + 3600,
    };
    const before = await itemCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ rules: { preset: "approval", maxApprovals: 3 } }, "rules.maxApprovals"],
      [{ closesAt: now - 1 }, "closesAt"],
    ];
    for (const [change, field] of cases) {
      const answer = await send(agent, "POST", "/v1/council/referenda", {
        token,
        body: Buffer.from(JSON.stringify({ ...draft, ...change })),
      });
      expect([answer.status, answer.body]).toMatchObject([
        400,
        { error: { code: "INPUT_INVALID", details: [{ path: field }] } },
      ]);
    }
    expect(await itemCount()).toBe(before);
    // Opening in the past is fine: it opens at once.
    const created = await send(agent, "POST", "/v1/council/referenda", {
      token,
      body: Buffer.from(JSON.stringify(draft)),
    });
    expect(created.status).toBe(201);
    agent.destroy();
  });

  it("should not put the client's address in the handler's event, so nothing downstream can log it", async () => {
    const seen: APIGatewayProxyEventV2[] = [];
    const spy = await startHttp((event) => {
      seen.push(event);
      return Promise.resolve(json(200, {}));
    });
    const response = await fetch(`${spy.url}/v1/config`, { headers: { "user-agent": "test-agent" } });
    await spy.close();
    expect(response.status).toBe(200);
    expect(seen.map((event) => event.requestContext.http)).toMatchObject([{ sourceIp: "", userAgent: "" }]);
  });
});
