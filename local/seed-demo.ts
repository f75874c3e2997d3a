/** The local stack's demo: a council, a census with three registered voters and spare codes, an open referendum. */
import { createHash } from "node:crypto";
import { createIdentity, exportIdentity } from "../protocol";
import { createCensus, issueCodes, listCensuses, register } from "../functions/core/census-service";
import { MERGE_DELAY } from "../protocol/spec";
import type { CoreDeps } from "../functions/core/ports";
import { createReferendum, openReferendum } from "../functions/core/referendum-service";

export const DEMO_COUNCIL = "demo-council";

export interface DemoSeed {
  censusId: string;
  referendumId: string;
  /** Unused registration codes, as a polling-card letter would carry them. */
  codes: string[];
  /** Recovery codes of the registered demo voters (import them in the browser to vote). */
  voters: string[];
}

/** Seeds once: returns null when the demo council already has a census. */
export async function seedDemo(deps: CoreDeps): Promise<DemoSeed | null> {
  if ((await listCensuses(deps, DEMO_COUNCIL)).length > 0) return null;
  const census = await createCensus(deps, DEMO_COUNCIL, "Demo town");
  const codes = await issueCodes(deps, DEMO_COUNCIL, census.id, 10);
  // Public, deterministic demo identities: never for a real referendum.
  const voters = [0, 1, 2].map((i) =>
    createIdentity(new Uint8Array(createHash("sha256").update(`bling-demo-voter-${i}`).digest())),
  );
  for (const [i, voter] of voters.entries()) await register(deps, census.id, codes[i] ?? "", String(voter.commitment));
  const now = Math.floor(deps.clock.now() / 1000);
  const draft = await createReferendum(deps, DEMO_COUNCIL, {
    title: "Should the town square be car-free on Sundays?",
    description: "A demo referendum of the local stack.",
    options: ["Yes", "No"],
    rules: { preset: "yes-no" },
    revoting: true,
    maxMergeDelay: MERGE_DELAY.default,
    censusId: census.id,
    opensAt: now,
    closesAt: now + 7 * 24 * 3600,
  });
  await openReferendum(deps, DEMO_COUNCIL, draft.id);
  return {
    censusId: census.id,
    referendumId: draft.id,
    codes: codes.slice(voters.length),
    voters: voters.map(exportIdentity),
  };
}
