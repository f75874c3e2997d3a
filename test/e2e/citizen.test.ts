/**
 * The citizen pages in real Chromium against the real local stack: register with a letter's code
 * (the recovery code saved first), vote with a proof made in the browser's worker, re-vote where
 * allowed, see the receipt checked against the signed log, restore the key on another device.
 * Every page state passes axe in English and Dutch and is screenshotted in both.
 */
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { LocalStack } from "../../local/stack";
import { createIdentity } from "../../protocol/identity";
import type { ReferendumDraft } from "../../functions/api/schemas";
import { councilApi, publicApi, type CouncilApi } from "../../web/lib/api-client";
import {
  axeViolations,
  chooseLanguage,
  launchChromium,
  screenshot,
  startSiteStack,
  watchedPage,
  type WatchedPage,
} from "../fixtures/browser";
import { once, STEPS_MS } from "../fixtures/steps";
import { checkBothLanguages } from "../fixtures/citizen-flows";

const PROOF_MS = 120_000;
const REFUSALS = [/HTTP 409 \/v1\/censuses\/[^/]+\/registrations/, /HTTP 409 \/v1\/referenda\/[^/]+\/ballots/];

async function castAndWait(page: Page, progressName?: string): Promise<void> {
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { name: "Check your vote" }).waitFor();
  await page.getByRole("button", { name: "Cast my vote" }).click();
  if (progressName) {
    await page.getByText("Making your anonymous proof").waitFor({ timeout: PROOF_MS });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, progressName);
  }
  await page.getByRole("heading", { name: "Your vote was received" }).waitFor({ timeout: PROOF_MS });
}

describe("# citizen pages", () => {
  let stack: LocalStack;
  let browser: Browser;
  let council: CouncilApi;
  let censusId: string;
  let codes: string[];
  let recoveryCode: string;
  let fingerprint: string;
  const ids: Record<"yesNo" | "quadratic" | "approval" | "closed" | "later", string> = {
    later: "",
    yesNo: "",
    quadratic: "",
    approval: "",
    closed: "",
  };
  const contexts: BrowserContext[] = [];
  let citizen: WatchedPage;

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: "en-GB", acceptDownloads: true });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: stack.apiUrl });
    contexts.push(context);
    return context;
  }

  async function draft(
    title: string,
    options: string[],
    rules: ReferendumDraft["rules"],
    revoting: boolean,
    startsIn = -60,
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const created = await council.createDraft({
      title,
      description: `${title}: a question to the residents of Testdorp.`,
      options,
      rules,
      revoting,
      censusId,
      opensAt: now + startsIn,
      closesAt: now + 7 * 24 * 3600,
    });
    return created.id;
  }

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startSiteStack(), launchChromium()]);
    council = councilApi({ baseUrl: stack.apiUrl, token: await stack.councilToken("council-citizen") });
    censusId = (await council.createCensus("Testdorp")).id;
    codes = (await council.issueCodes(censusId, 4)).trim().split("\n").slice(1);
    // A neighbour registered from elsewhere, so the census has more than our citizen in it.
    await publicApi({ baseUrl: stack.apiUrl }).register(censusId, codes[3] ?? "", String(createIdentity().commitment));
    ids.yesNo = await draft("New cycle bridge", ["Yes", "No"], { preset: "yes-no" }, true);
    ids.quadratic = await draft(
      "Neighbourhood budget",
      ["Park", "Library", "Playground"],
      { preset: "quadratic", credits: 9 },
      false,
    );
    ids.approval = await draft(
      "Market days",
      ["Monday", "Wednesday", "Saturday"],
      { preset: "approval", maxApprovals: 2 },
      false,
    );
    ids.closed = await draft("Old town hall", ["Yes", "No"], { preset: "yes-no" }, false);
    ids.later = await draft("Winter market", ["Yes", "No"], { preset: "yes-no" }, false, 3 * 24 * 3600);
    await council.open(ids.closed);
    await council.close(ids.closed);
    await council.open(ids.later);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
    await stack.stop();
  });

  // The story as steps (test/fixtures/steps.ts), so that every test below can run alone.

  /** Registers the citizen (its page, recovery code and key fingerprint kept for the steps after). */
  const register = once(async () => {
    citizen = await watchedPage(await newContext());
    const { page } = citizen;
    await page.goto(`${stack.apiUrl}/register/?census=${encodeURIComponent(censusId)}`);
    await page.getByRole("heading", { level: 1, name: "Register to vote" }).waitFor();
    // The link's ?census= names the electorate: the citizen reads its name, its id only behind Technical details.
    await page.getByTestId("electorate").getByText("Electorate: Testdorp", { exact: true }).waitFor();
    expect(await page.getByRole("main").innerText()).not.toContain(censusId);
    await page.getByText("Technical details").click();
    await page.getByRole("main").getByText(censusId).waitFor();
    await checkBothLanguages(page, "register-form");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("Enter the registration code from your letter.").waitFor();
    await page.getByLabel("Registration code").fill(codes[0] ?? "");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: "Save your recovery code" }).waitFor();
    recoveryCode = (await page.getByTestId("recovery-code").innerText()).trim();
    expect(recoveryCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){13}$/);

    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByText("The recovery code was copied.").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(recoveryCode);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("bling-recovery-code.txt");
    expect(await readFile(await download.path(), "utf8")).toContain(recoveryCode);

    await page.getByRole("button", { name: "Finish" }).click();
    await page.getByText("Confirm that you have saved your recovery code first.").waitFor();
    await checkBothLanguages(page, "register-save");
    await page.getByLabel("I have saved my recovery code").check();
    await page.getByRole("button", { name: "Finish" }).click();
    await page.getByRole("heading", { name: "You are registered" }).waitFor();
    await checkBothLanguages(page, "register-done");

    await page.goto(`${stack.apiUrl}/identity/`);
    await page.getByText("This device holds a voting key.").waitFor();
    fingerprint = await page.getByText("Fingerprint of your voting key").innerText();
    await page.getByText("Registered from this device in: Testdorp.").waitFor();
    await page.getByRole("button", { name: "Show recovery code" }).click();
    await expect(page.getByTestId("recovery-code").innerText()).resolves.toBe(recoveryCode);
    await checkBothLanguages(page, "identity-key");
    expect(citizen.problems).toEqual([]);
  });

  /** Refuses a used registration code. */
  const refuseUsedCode = once(async () => {
    await register();
    const { page, problems } = await watchedPage(await newContext(), REFUSALS);
    await page.goto(`${stack.apiUrl}/register/?census=${encodeURIComponent(censusId)}`);
    await page.getByLabel("Registration code").fill(codes[0] ?? "");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("This registration code has already been used. Each code works once.").waitFor();
    await checkBothLanguages(page, "register-code-used");
    expect(problems).toEqual([]);
    await page.close();
  });

  /** The citizen votes yes/no and sees the receipt in the log. */
  const voteYesNo = once(async () => {
    await refuseUsedCode();
    await Promise.all([council.open(ids.yesNo), council.open(ids.quadratic), council.open(ids.approval)]);
    const { page, problems } = citizen;
    await page.goto(`${stack.apiUrl}/vote/${ids.yesNo}/`);
    await page.getByRole("heading", { level: 1, name: "New cycle bridge" }).waitFor();
    // Who may vote, by the electorate's name.
    await page.getByText("Electorate: Testdorp", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("Choose one option.").first().waitFor();
    await checkBothLanguages(page, "vote-form");
    await page.getByLabel("Yes", { exact: true }).check();
    await castAndWait(page, "citizen-vote-progress-en");
    const measures = await page.evaluate(() => performance.getEntriesByName("bling-proof").map((e) => e.duration));
    expect(measures).toHaveLength(1);
    expect(measures[0]).toBeGreaterThan(0);
    await checkBothLanguages(page, "vote-done");

    await page.getByRole("link", { name: "See your receipt" }).click();
    await page.getByRole("heading", { level: 1, name: "Your receipt" }).waitFor();
    await stack.tick();
    await page.getByText(/Your ballot is in the public log \(position 1 of 1\)/).waitFor({ timeout: 30_000 });
    await page.getByText("The service's signed promise on this receipt is valid").waitFor();
    await checkBothLanguages(page, "receipt-included");
    expect(problems).toEqual([]);
  });

  /** The citizen changes the yes/no vote. */
  const changeVote = once(async () => {
    await voteYesNo();
    const { page, problems } = citizen;
    await page.goto(`${stack.apiUrl}/vote/${ids.yesNo}/`);
    await page
      .getByText(/You have voted\. You may change your vote until .*; only your latest ballot counts/)
      .waitFor();
    await checkBothLanguages(page, "vote-revoting");
    await chooseLanguage(page, "Nederlands");
    await page.getByLabel("No", { exact: true }).check();
    await page.getByRole("button", { name: "Verder" }).click();
    await page.getByRole("heading", { name: "Controleer uw stem" }).waitFor();
    await page.getByRole("button", { name: "Mijn stem uitbrengen" }).click();
    await page.getByText("Uw anonieme bewijs wordt gemaakt").waitFor({ timeout: PROOF_MS });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "citizen-vote-progress-nl");
    await page.getByRole("heading", { name: "Uw stem is ontvangen" }).waitFor({ timeout: PROOF_MS });
    await chooseLanguage(page, "English");
    await page.getByRole("link", { name: "See your receipt" }).click();
    await page.getByText(/Your ballot is in the public log \(position 2 of 2\)/).waitFor({ timeout: 30_000 });
    await expect(
      page
        .getByRole("listitem")
        .filter({ hasText: /^Ballot \d+, received/ })
        .count(),
    ).resolves.toBe(2);
    await checkBothLanguages(page, "receipt-revision");
    expect(problems).toEqual([]);
  });

  /** The citizen votes in the quadratic referendum. */
  const voteQuadratic = once(async () => {
    await changeVote();
    const { page, problems } = citizen;
    await page.goto(`${stack.apiUrl}/vote/${ids.quadratic}/`);
    await page.getByRole("heading", { level: 1, name: "Neighbourhood budget" }).waitFor();
    await page.getByLabel("Votes for Park").fill("2");
    await page.getByText("Credits used: 4 of 9. 5 left.").waitFor();
    await page.getByLabel("Votes for Library").fill("3");
    await page.getByText("Credits used: 13 of 9. 4 too many.").waitFor();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("You used 13, more than the 9 you have.").waitFor();
    await checkBothLanguages(page, "vote-quadratic-over");
    await page.getByLabel("Votes for Library").fill("2");
    await page.getByText("Credits used: 8 of 9. 1 left.").waitFor();
    await castAndWait(page);
    await page.reload();
    await page.getByText("You have voted in this referendum. Your vote cannot be changed here.").waitFor();
    await expect(page.getByRole("button", { name: "Continue" }).count()).resolves.toBe(0);
    await checkBothLanguages(page, "vote-voted");
    expect(problems).toEqual([]);
  });

  /** The closed referendum shows no form. */
  const seeClosed = once(async () => {
    await voteQuadratic();
    const { page, problems } = citizen;
    await page.goto(`${stack.apiUrl}/vote/${ids.closed}/`);
    await page.getByText("Voting has closed.").waitFor();
    await expect(page.getByRole("link", { name: "See and check the result" }).getAttribute("href")).resolves.toBe(
      `/verify/${ids.closed}/`,
    );
    await expect(page.getByRole("button", { name: "Continue" }).count()).resolves.toBe(0);
    await checkBothLanguages(page, "vote-closed");
    expect(problems).toEqual([]);
  });

  /** The referendum that opens later shows no form yet. */
  const seeOpensLater = once(async () => {
    await seeClosed();
    const { page, problems } = citizen;
    await page.goto(`${stack.apiUrl}/vote/${ids.later}/`);
    await page.getByText("Voting has not started yet. It opens").waitFor();
    await expect(page.getByRole("button", { name: "Continue" }).count()).resolves.toBe(0);
    await checkBothLanguages(page, "vote-not-yet-open");
    expect(problems).toEqual([]);
  });

  /** Devices without a key, or with a key the census lacks, are told what to do. */
  const explainMissingKey = once(async () => {
    await seeOpensLater();
    const { page, problems } = await watchedPage(await newContext());
    await page.goto(`${stack.apiUrl}/vote/${ids.yesNo}/`);
    await page.getByText("This device has no voting key.").waitFor();
    await checkBothLanguages(page, "vote-no-key");
    await page.getByRole("link", { name: "Restore my voting key" }).click();
    await page.getByRole("heading", { level: 1, name: "My voting key" }).waitFor();
    await page.getByText("This device has no voting key.").waitFor();
    await checkBothLanguages(page, "identity-none");

    // Registered after the referendum froze its census: the page says so before any proving.
    await page.goto(`${stack.apiUrl}/register/?census=${encodeURIComponent(censusId)}`);
    await page.getByLabel("Registration code").fill(codes[1] ?? "");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("I have saved my recovery code").check();
    await page.getByRole("button", { name: "Finish" }).click();
    await page.getByRole("heading", { name: "You are registered" }).waitFor();
    await page.goto(`${stack.apiUrl}/vote/${ids.yesNo}/`);
    await page.getByText("You cannot vote in this referendum with the voting key on this device.").waitFor();
    await expect(page.getByLabel("Yes", { exact: true }).count()).resolves.toBe(0);
    await checkBothLanguages(page, "vote-not-in-census");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("should register with the letter's code, then have the recovery code saved", () => register(), STEPS_MS);

  it("should say so when a registration code was used already", () => refuseUsedCode(), STEPS_MS);

  it(
    "should vote yes/no with a proof made in the browser, then show the receipt in the public log",
    () => voteYesNo(),
    STEPS_MS,
  );

  it("should let the citizen change a yes/no vote, saying that only the latest counts", () => changeVote(), STEPS_MS);

  it(
    "should count quadratic credits live, refuse an over-budget ballot in words, and take one vote only",
    () => voteQuadratic(),
    STEPS_MS,
  );

  it("should say a closed referendum is closed, with no form", () => seeClosed(), STEPS_MS);

  it("should say when a referendum opens, with no form before then", () => seeOpensLater(), STEPS_MS);

  it(
    "should explain what to do on a device without a voting key, or with one the census does not hold",
    () => explainMissingKey(),
    STEPS_MS,
  );

  it(
    "should restore the key from its recovery code on another device and vote there",
    async () => {
      await explainMissingKey();
      const { page, problems } = await watchedPage(await newContext(), REFUSALS);
      await page.goto(`${stack.apiUrl}/identity/`);
      await page.getByRole("textbox", { name: "Recovery code" }).fill("not-a-code");
      await page.getByRole("button", { name: "Restore voting key" }).click();
      await page.getByText("This is not a recovery code.").waitFor();
      await checkBothLanguages(page, "identity-restore-invalid");
      await page
        .getByRole("textbox", { name: "Recovery code" })
        .fill(` ${recoveryCode.slice(0, 22)}\n${recoveryCode.slice(22)} `);
      await page.getByRole("button", { name: "Restore voting key" }).click();
      await page.getByText("Your voting key is restored on this device.").waitFor();
      await expect(page.getByText("Fingerprint of your voting key").innerText()).resolves.toBe(fingerprint);
      await checkBothLanguages(page, "identity-restored");

      // This device has no receipt for the quadratic referendum: the service says the key voted already.
      await page.goto(`${stack.apiUrl}/vote/${ids.quadratic}/`);
      await page.getByLabel("Votes for Playground").fill("3");
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByText("Playground: 3 vote(s)").waitFor();
      await page.getByRole("button", { name: "Cast my vote" }).click();
      await page
        .getByText("You have already voted in this referendum, and it does not allow changing your vote.")
        .waitFor({ timeout: PROOF_MS });
      await checkBothLanguages(page, "vote-nullifier-used");

      await page.goto(`${stack.apiUrl}/vote/${ids.approval}/`);
      await page.getByText("You can choose 2 more.").waitFor();
      await page.getByLabel("Monday").check();
      await page.getByLabel("Wednesday").check();
      await page.getByLabel("Saturday").check();
      await page.getByText("You chose 1 too many.").waitFor();
      await checkBothLanguages(page, "vote-approval");
      await page.getByLabel("Wednesday").uncheck();
      await page.getByText("You can choose 0 more.").waitFor();
      await castAndWait(page);
      await page.getByRole("link", { name: "See your receipt" }).click();
      await page.getByText(/Your ballot is in the public log/).waitFor({ timeout: 30_000 });

      await page.goto(`${stack.apiUrl}/identity/`);
      await page.getByRole("button", { name: "Remove voting key" }).click();
      await page.getByText("Are you sure?").waitFor();
      await checkBothLanguages(page, "identity-remove-confirm");
      await page.getByRole("button", { name: "Yes, remove it" }).click();
      await page.getByText("The voting key was removed from this device.").waitFor();
      await page.getByText("This device has no voting key.").waitFor();
      expect(problems).toEqual([]);
    },
    STEPS_MS,
  );
});
