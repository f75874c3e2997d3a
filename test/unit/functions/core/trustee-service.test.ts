/**
 * The trustees' key generation through the core: invitations, joins, dealings, checks, the dry run
 * and the gate at open. Attacks first: a wrong code, a stolen seat, a forged signature, a message
 * out of its round, a dealer sending one trustee a bad share (named), a changed trustee list.
 */
import { createCensus, issueCodes, register } from "../../../../functions/core/census-service";
import { createReferendum, openReferendum, updateDraft } from "../../../../functions/core/referendum-service";
import { dkgView, inviteTrustees, joinKeyGeneration, postDkgMessage } from "../../../../functions/core/trustee-service";
import { mulG, ORDER_L, pointFromWire } from "../../../../protocol/babyjub";
import { electionKey, signTrusteeMessage } from "../../../../protocol/dkg";
import { dkgContext } from "../../../../protocol/trustee-transcript";
import {
  dealingFor,
  dryRunFor,
  newTrusteeKey,
  nextTrusteeStep,
  trusteeSecretOf,
  type TrusteeSecret,
} from "../../../../protocol/trustee-steps";
import { COUNCIL, codeOf, coreDeps, draftOf, type TestCoreDeps } from "../../../fixtures/core-fixtures";

const NAMES = ["Alderman Ada", "Notary Noor", "Observer Org"];

async function draftWithTrustees(threshold = 2, names = NAMES) {
  const deps = coreDeps();
  const census = await createCensus(deps, COUNCIL, "Town");
  const [code] = await issueCodes(deps, COUNCIL, census.id, 1);
  await register(deps, census.id, code!, "777");
  const draft = await createReferendum(
    deps,
    COUNCIL,
    draftOf(census.id, deps.clock.now(), { trustees: { names, threshold } }),
  );
  return { deps, censusId: census.id, id: draft.id };
}

async function joinAll(deps: TestCoreDeps, id: string): Promise<TrusteeSecret[]> {
  const invitations = await inviteTrustees(deps, COUNCIL, id);
  const secrets: TrusteeSecret[] = [];
  for (const invitation of invitations) {
    const { transcript } = await dkgView(deps, id);
    const { secretKey, key } = newTrusteeKey(id, transcript.attempt);
    const joined = await joinKeyGeneration(deps, id, { code: invitation.code, key });
    secrets.push(trusteeSecretOf(id, joined.attempt, joined.index, secretKey));
  }
  return secrets;
}

/** Every trustee posts what the transcript owes, round by round, until nothing is owed. */
async function runRounds(deps: TestCoreDeps, id: string, secrets: TrusteeSecret[]): Promise<void> {
  for (let round = 0; round < 4; round++) {
    for (const secret of secrets) {
      const step = nextTrusteeStep((await dkgView(deps, id)).transcript, secret);
      if (step.round === "deal") await postDkgMessage(deps, id, "DEAL", step.message);
      if (step.round === "check") await postDkgMessage(deps, id, "CHECK", step.message);
      if (step.round === "dry-run") await postDkgMessage(deps, id, "DRY", step.message);
    }
  }
}

describe("# trustees' key generation", () => {
  it("should run invitations, joins, dealings, checks and the dry run to a complete key the spec carries", async () => {
    const { deps, id } = await draftWithTrustees();
    expect(await codeOf(openReferendum(deps, COUNCIL, id))).toBe("DKG_INCOMPLETE");
    const secrets = await joinAll(deps, id);
    expect((await dkgView(deps, id)).assessment.status).toBe("dealing");
    expect(await codeOf(openReferendum(deps, COUNCIL, id))).toBe("DKG_INCOMPLETE");
    await runRounds(deps, id, secrets);
    const { assessment, transcript } = await dkgView(deps, id);
    expect(assessment).toMatchObject({ status: "complete", faults: [], problems: [] });
    expect(assessment.dryRunBy.length).toBeGreaterThanOrEqual(2);

    const opened = await openReferendum(deps, COUNCIL, id);
    const trustees = opened.spec?.trustees;
    expect(trustees).toMatchObject({ threshold: 2, attempt: 1 });
    expect(trustees?.members.map((m) => m.name)).toEqual(NAMES);
    // The key is the sum of the dealers' constant terms, recomputable from the spec alone.
    const pk = electionKey(transcript.dealings.map((d) => d.dealing));
    expect(trustees?.electionKey).toEqual(assessment.electionKey);
    expect(pointFromWire(trustees?.electionKey, "pk").equals(pk)).toBe(true);
    expect(pk.equals(mulG(0n))).toBe(false);
    // Once open, the transcript takes nothing more.
    expect(
      await codeOf(postDkgMessage(deps, id, "DRY", dryRunFor(transcript, secrets[0]!, assessment.electionKey))),
    ).toBe("REFERENDUM_STATE");
  });

  it("should refuse an unknown code, a second key on a taken seat, and accept the same join again", async () => {
    const { deps, id } = await draftWithTrustees();
    const [first] = await inviteTrustees(deps, COUNCIL, id);
    const { key } = newTrusteeKey(id, 1);
    expect(await codeOf(joinKeyGeneration(deps, id, { code: "0000-0000-0000-0000", key }))).toBe(
      "TRUSTEE_CODE_UNKNOWN",
    );
    expect(await joinKeyGeneration(deps, id, { code: first!.code, key })).toEqual({ index: 1, attempt: 1 });
    expect(await joinKeyGeneration(deps, id, { code: first!.code, key })).toEqual({ index: 1, attempt: 1 });
    expect(await codeOf(joinKeyGeneration(deps, id, { code: first!.code, key: newTrusteeKey(id, 1).key }))).toBe(
      "TRUSTEE_JOINED",
    );
  });

  it("should refuse a key proved for another attempt, and a seat copying another's key", async () => {
    const { deps, id } = await draftWithTrustees();
    const [a, b] = await inviteTrustees(deps, COUNCIL, id);
    expect(await codeOf(joinKeyGeneration(deps, id, { code: a!.code, key: newTrusteeKey(id, 2).key }))).toBe(
      "DKG_MESSAGE_INVALID",
    );
    const { key } = newTrusteeKey(id, 1);
    await joinKeyGeneration(deps, id, { code: a!.code, key });
    expect(await codeOf(joinKeyGeneration(deps, id, { code: b!.code, key }))).toBe("DKG_MESSAGE_INVALID");
  });

  it("should refuse messages out of their round, and a dealing signed by another trustee", async () => {
    const { deps, id } = await draftWithTrustees();
    const invitations = await inviteTrustees(deps, COUNCIL, id);
    const secrets: TrusteeSecret[] = [];
    for (const invitation of invitations.slice(0, 2)) {
      const { secretKey, key } = newTrusteeKey(id, 1);
      const joined = await joinKeyGeneration(deps, id, { code: invitation.code, key });
      secrets.push(trusteeSecretOf(id, 1, joined.index, secretKey));
    }
    // Before everyone joined there is nothing to deal to.
    expect(await codeOf(postDkgMessage(deps, id, "DEAL", {}))).toBe("DKG_STATE");
    const { secretKey, key } = newTrusteeKey(id, 1);
    await joinKeyGeneration(deps, id, { code: invitations[2]!.code, key });
    secrets.push(trusteeSecretOf(id, 1, 3, secretKey));
    const transcript = (await dkgView(deps, id)).transcript;
    const honest = dealingFor(transcript, secrets[0]!);
    const forged = { ...honest, signature: dealingFor(transcript, secrets[1]!).signature };
    expect(await codeOf(postDkgMessage(deps, id, "DEAL", forged))).toBe("DKG_MESSAGE_INVALID");
    // A check before every dealing is in would judge an incomplete transcript.
    expect(await codeOf(postDkgMessage(deps, id, "CHECK", { check: { trustee: 1, complaints: [] } }))).toBe(
      "DKG_STATE",
    );
    await postDkgMessage(deps, id, "DEAL", honest);
    // The same dealing again is fine; nothing else from the same dealer is.
    await postDkgMessage(deps, id, "DEAL", honest);
    expect(await codeOf(postDkgMessage(deps, id, "DEAL", { garbage: true }))).toBe("DKG_MESSAGE_INVALID");
  });

  it("should name a dealer who sends one trustee a bad share, and never complete", async () => {
    const { deps, id } = await draftWithTrustees();
    const secrets = await joinAll(deps, id);
    const transcript = (await dkgView(deps, id)).transcript;
    const cheat = dealingFor(transcript, secrets[0]!);
    // Trustee 1 re-signs a dealing whose share to trustee 3 is off by one.
    const shares = cheat.dealing.shares.map((share) =>
      share.recipient === 3 ? { ...share, encrypted: String((BigInt(share.encrypted) + 1n) % ORDER_L) } : share,
    );
    const dealing = { ...cheat.dealing, shares };
    const signature = signTrusteeMessage(dkgContext(id, 1), "deal", dealing, BigInt(secrets[0]!.secretKey));
    await postDkgMessage(deps, id, "DEAL", { dealing, signature });
    await runRounds(deps, id, secrets);
    const { assessment } = await dkgView(deps, id);
    expect(assessment.status).toBe("failed");
    expect(assessment.faults).toEqual([{ trustee: 1, reason: "dealt trustee 3 a share that fails its commitments" }]);
    expect(await codeOf(openReferendum(deps, COUNCIL, id))).toBe("DKG_INCOMPLETE");
  });

  it("should make a changed trustee list invite again, and start a new attempt that old codes cannot join", async () => {
    const { deps, censusId, id } = await draftWithTrustees();
    const old = await inviteTrustees(deps, COUNCIL, id);
    await updateDraft(
      deps,
      COUNCIL,
      id,
      draftOf(censusId, deps.clock.now(), { trustees: { names: NAMES.slice(0, 2), threshold: 2 } }),
    );
    expect((await dkgView(deps, id)).current).toBe(false);
    expect(await codeOf(joinKeyGeneration(deps, id, { code: old[0]!.code, key: newTrusteeKey(id, 1).key }))).toBe(
      "DKG_STATE",
    );
    expect(await codeOf(openReferendum(deps, COUNCIL, id))).toBe("DKG_INCOMPLETE");
    const fresh = await inviteTrustees(deps, COUNCIL, id);
    expect(fresh).toHaveLength(2);
    expect((await dkgView(deps, id)).transcript.attempt).toBe(2);
    expect(await codeOf(joinKeyGeneration(deps, id, { code: old[0]!.code, key: newTrusteeKey(id, 2).key }))).toBe(
      "TRUSTEE_CODE_UNKNOWN",
    );
  });

  it("should seal a ballot of three to eight options with the 8-slot circuit, and refuse it on a service without that circuit", async () => {
    const draftOfThree = (censusId: string, now: number) =>
      draftOf(censusId, now, {
        options: ["Park", "Library", "Playground"],
        rules: { preset: "single-choice" },
        trustees: { names: NAMES, threshold: 2 },
      });
    const deps = coreDeps();
    const census = await createCensus(deps, COUNCIL, "Town");
    const sealed = await createReferendum(deps, COUNCIL, draftOfThree(census.id, deps.clock.now()));
    expect(sealed).toMatchObject({ state: "draft", draft: { options: ["Park", "Library", "Playground"] } });

    // A deployment bundles only the circuits it was built with: one without K = 8 names what it lacks.
    const { sealed_d20_k8: _k8, ...withoutK8 } = deps.circuits;
    const older = { ...coreDeps(), circuits: withoutK8 };
    const town = await createCensus(older, COUNCIL, "Town");
    const refused = await createReferendum(older, COUNCIL, draftOfThree(town.id, older.clock.now())).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: "INPUT_INVALID", details: [{ path: "trustees" }] });
    expect((refused as Error).message).toMatch(/sealed_d20_k8/);
  });

  it("should refuse invitations for a draft without trustees, for another council, and after opening", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, COUNCIL, "Town");
    const draft = await createReferendum(deps, COUNCIL, draftOf(census.id, deps.clock.now()));
    expect(await codeOf(inviteTrustees(deps, COUNCIL, draft.id))).toBe("TRUSTEES_NOT_DRAFTED");
    expect(await codeOf(inviteTrustees(deps, "council-b", draft.id))).toBe("FORBIDDEN");
    expect(await codeOf(dkgView(deps, draft.id))).toBe("DKG_STATE");
  });
});
