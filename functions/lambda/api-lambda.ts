/**
 * An API Lambda over a set of routes: the API Gateway JWT authorizer has checked council tokens
 * before the event arrives, so the router only reads the council claim it passed on.
 */
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { authorizerAuthenticator } from "../adapters/auth";
import { secretsManagerReader } from "../adapters/secrets";
import { errorResponse, type HttpResponse } from "../handlers/http";
import { createRouter, type Route } from "../handlers/router";
import { apiEnvironment, loadEnvironment } from "./environment";
import { lambdaService, logError, once } from "./runtime";

export type ApiLambda = (event: APIGatewayProxyEventV2) => Promise<HttpResponse>;

export function apiLambda(routes: Route[]): ApiLambda {
  const router = once(async () => {
    const env = loadEnvironment(apiEnvironment, process.env);
    const { deps, config } = await lambdaService(env, secretsManagerReader());
    return createRouter(routes, { deps, authenticate: authorizerAuthenticator, config, log: logError });
  });
  return async (event) => {
    try {
      return await (
        await router()
      )(event);
    } catch (error) {
      // Only a failed cold start reaches here (the router answers everything else): a logged 500.
      return errorResponse(error, logError);
    }
  };
}
