/**
 * A small local HTTP server in front of the API Lambda handler: each request becomes the API
 * Gateway HTTP API v2 event the handler gets in AWS, so local and cloud run the same code.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { MAX_BODY_BYTES } from "../functions/api/schemas";
import { BlingError } from "../functions/api/errors";
import { errorResponse, type HttpResponse } from "../functions/handlers/http";
import type { SiteHandler } from "./site-server";

type Handler = (event: APIGatewayProxyEventV2) => Promise<HttpResponse>;

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "authorization, content-type",
  "access-control-allow-methods": "GET, POST, PUT, OPTIONS",
};

/**
 * How much of a body is read (past MAX_BODY_BYTES, thrown away) so its keep-alive connection stays
 * usable for the client's next request; past this the connection is closed instead.
 */
const DRAIN_LIMIT_BYTES = 16 * MAX_BODY_BYTES;

/** The body's first MAX_BODY_BYTES + 1 bytes (enough for the handler to answer 413), or null past the drain limit. */
type Body = Buffer | null;

/**
 * Reads the body, keeping at most MAX_BODY_BYTES + 1 bytes. An oversized body is read to its end
 * (up to DRAIN_LIMIT_BYTES) rather than cut off: stopping mid-body would destroy the socket and
 * reset the client's connection, and the 413 with it.
 */
function readBody(request: IncomingMessage): Promise<Body> {
  const declared = Number(request.headers["content-length"]);
  if (declared > DRAIN_LIMIT_BYTES) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let settled = false;
    const settle = (body: Body): void => {
      if (settled) return;
      settled = true;
      resolve(body);
    };
    // The stream stays flowing after an early answer, so the rest of the body is discarded, not buffered.
    request.on("data", (chunk: Buffer) => {
      const kept = Math.max(0, Math.min(chunk.length, MAX_BODY_BYTES + 1 - length));
      if (kept > 0) chunks.push(chunk.subarray(0, kept));
      length += chunk.length;
      if (length > DRAIN_LIMIT_BYTES) settle(null);
    });
    request.on("end", () => {
      settle(Buffer.concat(chunks));
    });
    request.on("error", (error) => {
      if (!settled) reject(error);
    });
  });
}

function toEvent(request: IncomingMessage, body: Buffer): APIGatewayProxyEventV2 {
  const url = new URL(request.url ?? "/", "http://local");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(",") : value;
  }
  const method = (request.method ?? "GET").toUpperCase();
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
    requestContext: {
      accountId: "local",
      apiId: "local",
      domainName: url.host,
      domainPrefix: "local",
      http: {
        method,
        path: url.pathname,
        protocol: "HTTP/1.1",
        // Never the client's address: nothing needs it, so nothing downstream can log or keep it.
        sourceIp: "",
        userAgent: "",
      },
      requestId: randomUUID(),
      routeKey: "$default",
      stage: "$default",
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
    body: body.length > 0 ? body.toString("utf8") : undefined,
    isBase64Encoded: false,
  };
}

async function serve(
  handler: Handler,
  site: SiteHandler | undefined,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (site && !(request.url ?? "/").startsWith("/v1/")) {
    await site(request, response);
    return;
  }
  if (request.method === "OPTIONS") {
    response.writeHead(204, CORS).end();
    return;
  }
  const body = await readBody(request);
  let answer: HttpResponse;
  if (body === null) {
    // Like API Gateway's own payload limit: answered before any handler, on a connection that then closes.
    answer = errorResponse(new BlingError("BODY_TOO_LARGE"), () => undefined);
    response.setHeader("connection", "close");
  } else answer = await handler(toEvent(request, body));
  response
    .writeHead(answer.statusCode, { ...CORS, ...(answer.headers as Record<string, string> | undefined) })
    .end(answer.body);
}

export interface LocalHttp {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the handler on 127.0.0.1 (port 0: the OS picks a free one); with `site`, every path
 * outside `/v1/` goes to it instead.
 */
export async function startHttp(handler: Handler, port = 0, site?: SiteHandler): Promise<LocalHttp> {
  const server: Server = createServer((request, response) => {
    serve(handler, site, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }));
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
