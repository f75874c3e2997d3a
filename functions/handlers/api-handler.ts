/** The API Lambda: one handler routing every `/v1` request (API Gateway HTTP API v2). */
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { councilRoutes } from "./council-routes";
import type { HttpResponse } from "./http";
import { publicRoutes } from "./public-routes";
import { trusteeCouncilRoutes, trusteeRoutes } from "./trustee-routes";
import { createRouter, type ApiContext } from "./router";

export function createApiHandler(context: ApiContext): (event: APIGatewayProxyEventV2) => Promise<HttpResponse> {
  return createRouter([...publicRoutes, ...trusteeRoutes, ...councilRoutes, ...trusteeCouncilRoutes], context);
}
