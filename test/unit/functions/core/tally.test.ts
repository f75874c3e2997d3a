import { acceptBallot } from "../../../../functions/core/ballot-service";
import { SEAL_SETTLE_MS, sealLog } from "../../../../functions/core/closing";
import { getTally, tallyReferendum } from "../../../../functions/core/tally";
import { COUNCIL, codeOf, fakeBallot, openReferendumWith } from "../../../fixtures/core-fixtures";

describe("# tally", () => {
  it("should tally only a sealed log, and seal every queued ballot into it", async () => {
    const { deps, spec, id } = await openReferendumWith();
    await acceptBallot(deps, id, fakeBallot(spec, 1n, [1, 0]));
    deps.clock.advance(3600 * 1000);
    expect(await codeOf(tallyReferendum(deps, COUNCIL, id))).toBe("BUSY");
    deps.clock.advance(SEAL_SETTLE_MS);
    await sealLog(deps, id, "seq");
    await tallyReferendum(deps, COUNCIL, id);
    expect((await getTally(deps, id)).logSize).toBe(1);
  });
});
