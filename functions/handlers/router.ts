/** Routes API Gateway v2 events to handlers; every failure becomes `{ error: { code, message } }`. */
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { BlingError } from "../api/errors";
import type { CoreDeps } from "../core/ports";
import type { PublicConfig } from "../api/public-config";
import { errorResponse, type HttpResponse } from "./http";
import { parsePathParams, pathParamKinds, type PathParamKind } from "./path-params";

/** Finds the council of a request, or null when it carries no valid council token (an adapter implements it). */
export type Authenticator = (event: APIGatewayProxyEventV2) => Promise<string | null>;

export interface ApiContext {
  deps: CoreDeps;
  authenticate: Authenticator;
  config: PublicConfig;
  log: (message: string, error: unknown) => void;
}

export interface Request {
  event: APIGatewayProxyEventV2;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  context: ApiContext;
  /** The council of the request's token; "" on public routes. */
  council: string;
}

export interface Route {
  method: "GET" | "POST" | "PUT";
  /** Segments; `{name}` captures one. */
  path: string;
  /** Council routes are authenticated before anything else is read. */
  council?: boolean;
  /** The format of each `{name}`, checked before the handler runs. */
  params: Readonly<Record<string, PathParamKind>>;
  handle(request: Request): Promise<HttpResponse>;
}

type Handle = (request: Request) => Promise<HttpResponse>;

/** A route anyone may call. */
export function publicRoute(method: Route["method"], path: string, handle: Handle): Route {
  return { method, path, params: pathParamKinds(path), handle };
}

/** A route for councils: the router authenticates the token before the handler reads anything. */
export function councilRoute(method: Route["method"], path: string, handle: Handle): Route {
  return { method, path, council: true, params: pathParamKinds(path), handle };
}

/** The raw (still percent-encoded) captures of `path` if it has the pattern's shape. */
function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.replace(/\/+$/, "").split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const actual = got[i] ?? "";
    if (segment.startsWith("{")) {
      if (actual === "") return null;
      params[segment.slice(1, -1)] = actual;
    } else if (segment !== actual) return null;
  }
  return params;
}

export function createRouter(
  routes: Route[],
  context: ApiContext,
): (event: APIGatewayProxyEventV2) => Promise<HttpResponse> {
  return async (event) => {
    try {
      const method = event.requestContext.http.method.toUpperCase();
      const path = event.rawPath;
      const matching = routes
        .map((route) => ({ route, params: match(route.path, path) }))
        .filter((m) => m.params !== null);
      if (matching.length === 0) throw new BlingError("ROUTE_NOT_FOUND");
      const found = matching.find((m) => m.route.method === method);
      if (!found?.params) throw new BlingError("METHOD_NOT_ALLOWED");
      let council = "";
      if (found.route.council) {
        council = (await context.authenticate(event)) ?? "";
        if (!council) throw new BlingError("UNAUTHENTICATED");
      }
      const params = parsePathParams(found.route.params, found.params);
      return await found.route.handle({
        event,
        params,
        query: event.queryStringParameters ?? {},
        context,
        council,
      });
    } catch (error) {
      return errorResponse(error, context.log);
    }
  };
}
