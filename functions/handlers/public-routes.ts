/** The public API: config, referenda, census data and registration, ballots, the log, tallies. */
import { pageQuery, parseInput, registration } from "../api/schemas";
import { ballotSubmission, hex32 } from "../../protocol/wire";
import { z } from "../../protocol/zod";
import { acceptBallot, getReceipt, nullifierStatus } from "../core/ballot-service";
import { censusInfo, censusLeaves, register } from "../core/census-service";
import type { CoreDeps } from "../core/ports";
import {
  getReferendum,
  listReferendumIds,
  stateAt,
  turnoutOf,
  type ReferendumRecord,
} from "../core/referendum-service";
import { getTally } from "../core/tally";
import { consistencyBetween, inclusionByHash, readEntries, readHead, readTreeHeads } from "../core/ballot-log-table";
import { BlingError } from "../api/errors";
import { bodyOf, json } from "./http";
import { publicRoute, type Route } from "./router";

/** What anyone may see of a referendum: drafts stay with their council; past its close it reads closed. */
async function publicView(deps: CoreDeps, record: ReferendumRecord) {
  return {
    id: record.id,
    state: stateAt(record, deps.clock.now()),
    spec: record.spec,
    specHash: record.specHash,
    anchors: record.anchors,
    turnout: await turnoutOf(deps, record),
  };
}

const size = z.coerce.number().int().min(0);

export const publicRoutes: Route[] = [
  publicRoute("GET", "/v1/config", ({ context }) => Promise.resolve(json(200, context.config))),
  publicRoute("GET", "/v1/referenda", async ({ context }) => {
    const records = await Promise.all(
      (await listReferendumIds(context.deps)).map((id) => getReferendum(context.deps, id)),
    );
    const published = records.filter((r) => r.state !== "draft");
    return json(200, { referenda: await Promise.all(published.map((record) => publicView(context.deps, record))) });
  }),
  publicRoute("GET", "/v1/referenda/{id}", async ({ context, params }) => {
    const record = await getReferendum(context.deps, params.id ?? "");
    if (record.state === "draft") throw new BlingError("REFERENDUM_NOT_FOUND");
    return json(200, await publicView(context.deps, record));
  }),
  publicRoute("GET", "/v1/censuses/{id}", async ({ context, params }) => {
    const { id, name, size: censusSize, depth, root } = await censusInfo(context.deps, params.id ?? "");
    return json(200, { id, name, size: censusSize, depth, root });
  }),
  publicRoute("GET", "/v1/censuses/{id}/leaves", async ({ context, params, query }) => {
    const { from, limit } = parseInput(pageQuery, query);
    return json(200, { from, leaves: await censusLeaves(context.deps, params.id ?? "", from, limit) });
  }),
  publicRoute("POST", "/v1/censuses/{id}/registrations", async ({ context, params, event }) => {
    const { code, commitment } = parseInput(registration, bodyOf(event));
    return json(201, { index: await register(context.deps, params.id ?? "", code, commitment) });
  }),
  publicRoute("POST", "/v1/referenda/{id}/ballots", async ({ context, params, event }) => {
    const body = bodyOf(event);
    const submission = ballotSubmission.safeParse(body);
    if (!submission.success)
      throw new BlingError(
        "BALLOT_MALFORMED",
        undefined,
        submission.error.issues.map((i) => i.path.join(".")),
      );
    return json(202, await acceptBallot(context.deps, params.id ?? "", submission.data));
  }),
  publicRoute("GET", "/v1/referenda/{id}/ballots/{ballotId}", async ({ context, params }) =>
    json(200, await getReceipt(context.deps, params.id ?? "", params.ballotId ?? "")),
  ),
  // A voter's device asks which revision to prove next (a key restored elsewhere knows nothing).
  publicRoute("GET", "/v1/referenda/{id}/nullifiers/{nullifier}", async ({ context, params }) =>
    json(200, await nullifierStatus(context.deps, params.id ?? "", params.nullifier ?? "")),
  ),
  publicRoute("GET", "/v1/referenda/{id}/log/head", async ({ context, params }) => {
    await getReferendum(context.deps, params.id ?? "");
    const head = await readHead(context.deps, params.id ?? "");
    return json(200, { treeHead: head.sth });
  }),
  publicRoute("GET", "/v1/referenda/{id}/log/heads", async ({ context, params, query }) => {
    const { from, limit } = parseInput(pageQuery, query);
    await getReferendum(context.deps, params.id ?? "");
    return json(200, { from, treeHeads: await readTreeHeads(context.deps, params.id ?? "", from, limit) });
  }),
  publicRoute("GET", "/v1/referenda/{id}/log/entries", async ({ context, params, query }) => {
    const { from, limit } = parseInput(pageQuery, query);
    return json(200, { from, entries: await readEntries(context.deps, params.id ?? "", from, limit) });
  }),
  publicRoute("GET", "/v1/referenda/{id}/log/inclusion", async ({ context, params, query }) => {
    const { hash: entryHash, size: treeSize } = parseInput(z.object({ hash: hex32, size }), query);
    return json(200, await inclusionByHash(context.deps, params.id ?? "", entryHash, treeSize));
  }),
  publicRoute("GET", "/v1/referenda/{id}/log/consistency", async ({ context, params, query }) => {
    const { first, second } = parseInput(z.object({ first: size, second: size }), query);
    return json(200, {
      first,
      second,
      proof: await consistencyBetween(context.deps, params.id ?? "", first, second),
    });
  }),
  publicRoute("GET", "/v1/referenda/{id}/tally", async ({ context, params }) =>
    json(200, await getTally(context.deps, params.id ?? "")),
  ),
];
