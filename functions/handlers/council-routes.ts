/** The council API: every route takes the council from the token, never from the body. */
import { censusCreate, codesRequest, parseInput, referendumDraft } from "../api/schemas";
import { createCensus, issueCodes, listCensuses } from "../core/census-service";
import {
  asOf,
  closeReferendum,
  createReferendum,
  listReferendumIds,
  openReferendum,
  ownedReferendum,
  turnoutOf,
  updateDraft,
} from "../core/referendum-service";
import type { CoreDeps } from "../core/ports";
import { tallyReferendum } from "../core/tally";
import { bodyOf, csv, json } from "./http";
import { councilRoute, type Route } from "./router";

/** A council sees its referendum whole (draft included) with live turnout; past its close it reads closed. */
async function councilView(deps: CoreDeps, council: string, id: string) {
  const record = await ownedReferendum(deps, council, id);
  return { ...asOf(record, deps.clock.now()), turnout: await turnoutOf(deps, record) };
}

export const councilRoutes: Route[] = [
  councilRoute("POST", "/v1/council/censuses", async ({ context, council, event }) => {
    const { name } = parseInput(censusCreate, bodyOf(event));
    return json(201, await createCensus(context.deps, council, name));
  }),
  councilRoute("GET", "/v1/council/censuses", async ({ context, council }) =>
    json(200, { censuses: await listCensuses(context.deps, council) }),
  ),
  councilRoute("POST", "/v1/council/censuses/{id}/codes", async ({ context, council, params, event }) => {
    const { count } = parseInput(codesRequest, bodyOf(event));
    const codes = await issueCodes(context.deps, council, params.id ?? "", count);
    // Returned once, for printing polling-card letters: only keyed hashes are kept.
    return csv(`codes-${params.id ?? ""}.csv`, [["code"], ...codes.map((code) => [code])]);
  }),
  councilRoute("POST", "/v1/council/referenda", async ({ context, council, event }) =>
    json(201, await createReferendum(context.deps, council, parseInput(referendumDraft, bodyOf(event)))),
  ),
  councilRoute("GET", "/v1/council/referenda", async ({ context, council }) => {
    const ids = await listReferendumIds(context.deps, council);
    return json(200, { referenda: await Promise.all(ids.map((id) => councilView(context.deps, council, id))) });
  }),
  councilRoute("GET", "/v1/council/referenda/{id}", async ({ context, council, params }) =>
    json(200, await councilView(context.deps, council, params.id ?? "")),
  ),
  councilRoute("PUT", "/v1/council/referenda/{id}", async ({ context, council, params, event }) =>
    json(200, await updateDraft(context.deps, council, params.id ?? "", parseInput(referendumDraft, bodyOf(event)))),
  ),
  councilRoute("POST", "/v1/council/referenda/{id}/open", async ({ context, council, params }) =>
    json(200, await openReferendum(context.deps, council, params.id ?? "")),
  ),
  councilRoute("POST", "/v1/council/referenda/{id}/close", async ({ context, council, params }) =>
    json(200, await closeReferendum(context.deps, council, params.id ?? "")),
  ),
  councilRoute("POST", "/v1/council/referenda/{id}/tally", async ({ context, council, params }) =>
    json(200, await tallyReferendum(context.deps, council, params.id ?? "")),
  ),
];
