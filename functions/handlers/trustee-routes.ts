/**
 * The trustees' routes: the council invites, trustees join and post their key-generation messages.
 * Trustees hold no council token: an invitation code admits a key, and that key's signature (or
 * proof) admits every later message, which the core checks against the public transcript.
 */
import { parseInput, trusteeJoin } from "../api/schemas";
import { dkgView, inviteTrustees, joinKeyGeneration, postDkgMessage } from "../core/trustee-service";
import { aggregateView, postPartial } from "../core/sealed-counting";
import { bodyOf, json } from "./http";
import { councilRoute, publicRoute, type Route } from "./router";

/** Behind the council authorizer (`/v1/council/...`). */
export const trusteeCouncilRoutes: Route[] = [
  councilRoute("POST", "/v1/council/referenda/{id}/trustees/invitations", async ({ context, council, params }) =>
    // Returned once, for sending to each trustee: only keyed hashes of the codes are kept.
    json(201, { invitations: await inviteTrustees(context.deps, council, params.id ?? "") }),
  ),
];

/** Public: the transcript is public and every message carries its own authorisation. */
export const trusteeRoutes: Route[] = [
  publicRoute("GET", "/v1/referenda/{id}/dkg", async ({ context, params }) =>
    json(200, await dkgView(context.deps, params.id ?? "")),
  ),
  publicRoute("POST", "/v1/referenda/{id}/dkg/members", async ({ context, params, event }) =>
    json(201, await joinKeyGeneration(context.deps, params.id ?? "", parseInput(trusteeJoin, bodyOf(event)))),
  ),
  publicRoute("POST", "/v1/referenda/{id}/dkg/dealings", async ({ context, params, event }) =>
    json(201, await postDkgMessage(context.deps, params.id ?? "", "DEAL", bodyOf(event))),
  ),
  publicRoute("POST", "/v1/referenda/{id}/dkg/checks", async ({ context, params, event }) =>
    json(201, await postDkgMessage(context.deps, params.id ?? "", "CHECK", bodyOf(event))),
  ),
  publicRoute("POST", "/v1/referenda/{id}/dkg/dry-run", async ({ context, params, event }) =>
    json(201, await postDkgMessage(context.deps, params.id ?? "", "DRY", bodyOf(event))),
  ),
  // After the seal: the aggregate anyone recomputes, and the trustees' decryptions of it.
  publicRoute("GET", "/v1/referenda/{id}/aggregate", async ({ context, params }) =>
    json(200, await aggregateView(context.deps, params.id ?? "")),
  ),
  publicRoute("POST", "/v1/referenda/{id}/partials", async ({ context, params, event }) =>
    json(201, await postPartial(context.deps, params.id ?? "", bodyOf(event))),
  ),
];
