import { BlingError } from "../../../../functions/api/errors";
import { specHash } from "../../../../protocol/spec";
import { acceptBallot } from "../../../../functions/core/ballot-service";
import { createCensus, issueCodes, register } from "../../../../functions/core/census-service";
import {
  closeReferendum,
  createReferendum,
  effectiveClose,
  getReferendum,
  isAccepting,
  openReferendum,
  stateAt,
  updateDraft,
} from "../../../../functions/core/referendum-service";
import { COUNCIL, codeOf, coreDeps, draftOf, fakeBallot, openReferendumWith } from "../../../fixtures/core-fixtures";

describe("# referendum lifecycle", () => {
  it("should draft, update and open a referendum, freezing census root and spec hash", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, COUNCIL, "Town");
    const draft = await createReferendum(deps, COUNCIL, draftOf(census.id, deps.clock.now()));
    expect(draft.state).toBe("draft");
    expect(await codeOf(openReferendum(deps, COUNCIL, draft.id))).toBe("CENSUS_EMPTY");
    const [code] = await issueCodes(deps, COUNCIL, census.id, 1);
    await register(deps, census.id, code!, "777");
    const updated = await updateDraft(
      deps,
      COUNCIL,
      draft.id,
      draftOf(census.id, deps.clock.now(), { title: "New title" }),
    );
    expect(updated.draft.title).toBe("New title");
    expect(await codeOf(openReferendum(deps, "council-b", draft.id))).toBe("FORBIDDEN");
    const opened = await openReferendum(deps, COUNCIL, draft.id);
    expect(opened.state).toBe("open");
    expect(opened.spec?.census).toMatchObject({ size: 1, depth: 20 });
    expect(opened.specHash).toBe(specHash(opened.spec!));
    expect(opened.spec?.logPublicKey).toBe(deps.signer.publicKeyHex);
    expect(await codeOf(openReferendum(deps, COUNCIL, draft.id))).toBe("REFERENDUM_STATE");
    expect(await codeOf(updateDraft(deps, COUNCIL, draft.id, draftOf(census.id, deps.clock.now())))).toBe(
      "REFERENDUM_STATE",
    );
  });

  it("should refuse a census of another council", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, COUNCIL, "Town");
    expect(await codeOf(createReferendum(deps, "council-b", draftOf(census.id, deps.clock.now())))).toBe("FORBIDDEN");
  });

  it("should refuse approval of more options than there are, and a closing time already past, naming the field", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, COUNCIL, "Town");
    const now = deps.clock.now();
    const nowSeconds = Math.floor(now / 1000);
    const problem = async (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: unknown) => (error instanceof BlingError ? { code: error.code, details: error.details } : error),
      );
    const approvalOf = (maxApprovals: number) =>
      draftOf(census.id, now, { options: ["A", "B", "C"], rules: { preset: "approval", maxApprovals } });
    const before = deps.store.size;
    expect(await problem(createReferendum(deps, COUNCIL, approvalOf(4)))).toEqual({
      code: "INPUT_INVALID",
      details: [{ path: "rules.maxApprovals", message: expect.stringMatching(/3/) as unknown }],
    });
    for (const closesAt of [nowSeconds, nowSeconds - 1]) {
      expect(
        await problem(createReferendum(deps, COUNCIL, draftOf(census.id, now, { opensAt: closesAt - 60, closesAt }))),
      ).toEqual({ code: "INPUT_INVALID", details: [{ path: "closesAt", message: expect.any(String) as unknown }] });
    }
    expect(deps.store.size).toBe(before);
    // Opening in the past means "open at once".
    const draft = await createReferendum(deps, COUNCIL, draftOf(census.id, now, { opensAt: nowSeconds - 3600 }));
    expect((await createReferendum(deps, COUNCIL, approvalOf(3))).draft.rules).toEqual({
      preset: "approval",
      maxApprovals: 3,
    });
    deps.clock.advance(3_600_000);
    // The same draft, once its closing time has passed, cannot be saved again.
    expect(await problem(updateDraft(deps, COUNCIL, draft.id, draft.draft))).toMatchObject({
      code: "INPUT_INVALID",
      details: [{ path: "closesAt" }],
    });
    expect(
      await problem(updateDraft(deps, COUNCIL, draft.id, { ...approvalOf(5), closesAt: nowSeconds + 7200 })),
    ).toMatchObject({
      code: "INPUT_INVALID",
      details: [{ path: "rules.maxApprovals" }],
    });
    expect(
      await problem(updateDraft(deps, COUNCIL, draft.id, { ...draft.draft, closesAt: nowSeconds + 7200 })),
    ).toBeNull();
  });
});

describe("# the effective close", () => {
  it("[attack: late ballot] should read closed and accept nothing from closesAt on, without a council action", async () => {
    const { deps, spec, id, closesAtMs } = await openReferendumWith();
    deps.clock.ms = closesAtMs - 1;
    const record = await getReferendum(deps, id);
    expect(isAccepting(record, deps.clock.now())).toBe(true);
    expect(stateAt(record, deps.clock.now())).toBe("open");
    await acceptBallot(deps, id, fakeBallot(spec, 1n, [1, 0]));
    for (const late of [0, 14, 37, 60_000]) {
      deps.clock.ms = closesAtMs + late;
      expect(stateAt(record, deps.clock.now())).toBe("closed");
      expect(isAccepting(record, deps.clock.now())).toBe(false);
      expect(await codeOf(acceptBallot(deps, id, fakeBallot(spec, 2n, [1, 0])))).toBe("REFERENDUM_NOT_OPEN");
    }
    expect((await getReferendum(deps, id)).state).toBe("open");
  });

  it("should record an early close in whole seconds, rounded up, and close the referendum at it", async () => {
    const { deps, spec, id } = await openReferendumWith();
    deps.clock.advance(60_500);
    const closed = await closeReferendum(deps, COUNCIL, id);
    expect(closed.closedAt).toBe(Math.ceil(deps.clock.now() / 1000));
    expect(effectiveClose(closed)).toBe(closed.closedAt);
    expect(stateAt(closed, deps.clock.now())).toBe("closed");
    expect(await codeOf(acceptBallot(deps, id, fakeBallot(spec, 1n, [1, 0])))).toBe("REFERENDUM_NOT_OPEN");
    expect(await codeOf(closeReferendum(deps, COUNCIL, id))).toBe("REFERENDUM_STATE");
  });

  it("should refuse an early close once the scheduled close has passed", async () => {
    const { deps, id, closesAtMs } = await openReferendumWith();
    deps.clock.ms = closesAtMs;
    expect(await codeOf(closeReferendum(deps, COUNCIL, id))).toBe("REFERENDUM_STATE");
  });
});
