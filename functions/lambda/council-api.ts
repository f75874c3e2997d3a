/** Lambda entry: the council API, behind API Gateway's JWT authorizer (Cognito). */
import { councilRoutes } from "../handlers/council-routes";
import { trusteeCouncilRoutes } from "../handlers/trustee-routes";
import { apiLambda } from "./api-lambda";

export const handler = apiLambda([...councilRoutes, ...trusteeCouncilRoutes]);
