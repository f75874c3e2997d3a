/**
 * Council authentication. In AWS the API Gateway JWT authorizer (Cognito) has checked the token and
 * the handler reads its claims; locally the same claim is checked here with jose against a local key.
 */
import { errors, jwtVerify, SignJWT } from "jose";
import { BlingError } from "../api/errors";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type { Authenticator } from "../handlers/router";

/** The claim naming the council a token acts for (a Cognito custom attribute in AWS). */
export const COUNCIL_CLAIM = "custom:council";
const ISSUER = "bling-local";
const AUDIENCE = "bling-api";

export async function issueCouncilToken(
  secret: Uint8Array,
  councilId: string,
  ttlSeconds = 12 * 3600,
): Promise<string> {
  return new SignJWT({ [COUNCIL_CLAIM]: councilId })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(secret);
}

/**
 * Local: verifies the bearer token's signature, issuer, audience and expiry itself. A genuine token
 * past its expiry is TOKEN_EXPIRED (the council needs a new one); anything else is not recognised.
 */
export function localAuthenticator(secret: Uint8Array): Authenticator {
  return async (event) => {
    const header = event.headers.authorization ?? event.headers.Authorization;
    const token = /^Bearer (\S+)$/.exec(header ?? "")?.[1];
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, audience: AUDIENCE, algorithms: ["HS256"] });
      const council = payload[COUNCIL_CLAIM];
      return typeof council === "string" && council.length > 0 ? council : null;
    } catch (error) {
      // jose checks the signature before the claims: a forged token never reads as merely expired.
      if (error instanceof errors.JWTExpired) throw new BlingError("TOKEN_EXPIRED");
      return null;
    }
  };
}

/** AWS: API Gateway's JWT authorizer already verified the token; take the council claim it passed on. */
export const authorizerAuthenticator: Authenticator = (event) => {
  const context = event.requestContext as APIGatewayProxyEventV2["requestContext"] & {
    authorizer?: { jwt?: { claims?: Record<string, unknown> } };
  };
  const council = context.authorizer?.jwt?.claims?.[COUNCIL_CLAIM];
  return Promise.resolve(typeof council === "string" && council.length > 0 ? council : null);
};
