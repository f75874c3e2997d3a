/** Lambda entry: the public API (config, referenda, census, registration, ballots, log, tally). */
import { publicRoutes } from "../handlers/public-routes";
import { trusteeRoutes } from "../handlers/trustee-routes";
import { apiLambda } from "./api-lambda";

export const handler = apiLambda([...publicRoutes, ...trusteeRoutes]);
