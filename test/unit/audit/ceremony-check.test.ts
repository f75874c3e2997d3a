import { readManifestSync } from "../../../protocol/artifacts.node";
import { BALLOT_CIRCUIT } from "../../../protocol/constants";
import { parseManifest } from "../../../protocol/manifest";
import { ceremonyCheck, withCeremonyCheck } from "../../../audit/ceremony-check";
import type { AuditReport } from "../../../audit/report";
import { trustedSetupFor } from "../../fixtures/infra-fixtures";

const committed = readManifestSync(BALLOT_CIRCUIT);
const finalized = parseManifest(
  JSON.stringify({
    ...committed,
    ceremony: "ceremony-vote",
    trustedSetup: trustedSetupFor("ceremony-vote", committed.files.zkey.sha256),
  }),
);

describe("# ceremonyCheck", () => {
  it("should report a finalized ceremony under its own id, with every participant and the beacon block", () => {
    const check = ceremonyCheck(finalized, false);
    expect(check).toMatchObject({
      id: "ceremony",
      ok: true,
      numbers: {
        ceremony: "ceremony-vote",
        contributions: 3,
        participants: "participant 1, participant 2, participant 3",
        beaconBlock: 21000000,
        acceptedAsTest: "no",
      },
    });
    expect(check.summary).toMatch(
      /ceremony-vote, 3 contributions \(participant 1, participant 2, participant 3\), beacon block 21000000/,
    );
  });

  it("should FAIL the dev ceremony unless told it is a test, and say so when it accepts it", () => {
    const refused = ceremonyCheck(committed, false);
    expect(refused).toMatchObject({ id: "ceremony", ok: false, numbers: { ceremony: "dev-insecure" } });
    expect(refused.problems[0]).toMatch(/single-party dev ceremony: whoever ran it can forge ballots/);
    const accepted = ceremonyCheck(committed, true);
    expect(accepted).toMatchObject({ id: "ceremony", ok: true, numbers: { acceptedAsTest: "yes" } });
    expect(accepted.summary).toMatch(/dev-insecure ceremony, accepted because this is declared a test/);
  });

  it("should FAIL a ceremony id without its transcript summary", () => {
    const bare = parseManifest(JSON.stringify({ ...committed, ceremony: "ceremony-vote" }));
    expect(ceremonyCheck(bare, true)).toMatchObject({ id: "ceremony", ok: false });
  });

  it("should fail the whole report with the ceremony check", () => {
    const report: AuditReport = { referendumId: "1", ok: true, checks: [] };
    expect(withCeremonyCheck(report, ceremonyCheck(committed, false))).toMatchObject({
      ok: false,
      checks: [{ id: "ceremony", ok: false }],
    });
    expect(withCeremonyCheck(report, ceremonyCheck(committed, true)).ok).toBe(true);
  });
});
