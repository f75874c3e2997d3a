/**
 * A small local HTTP server in front of the API Lambda handler: each request becomes the API
 * Gateway HTTP API v2 event the handler gets in AWS, so local and cloud run the same code.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { MAX_BODY_BYTES } from "../functions/api/schemas";
import type { HttpResponse } from "../functions/handlers/http";
import type { SiteHandler } from "./site-server";

type Handler = (event: APIGatewayProxyEventV2) => Promise<HttpResponse>;

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "authorization, content-type",
  "access-control-allow-methods": "GET, POST, PUT, OPTIONS",
};

/** Reads at most MAX_BODY_BYTES + 1 bytes: enough for the handler to answer 413, never an unbounded buffer. */
async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    length += buffer.length;
    if (length > MAX_BODY_BYTES + 1) {
      chunks.push(buffer.subarray(0, MAX_BODY_BYTES + 1 - (length - buffer.length)));
      break;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function toEvent(request: IncomingMessage, sourceIp: string, body: Buffer): APIGatewayProxyEventV2 {
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
        sourceIp,
        userAgent: headers["user-agent"] ?? "",
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
  // Read before the body: a body cut off at the limit destroys the request and its socket.
  const sourceIp = request.socket.remoteAddress ?? "";
  const result = await handler(toEvent(request, sourceIp, await readBody(request)));
  response
    .writeHead(result.statusCode, { ...CORS, ...(result.headers as Record<string, string> | undefined) })
    .end(result.body);
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
