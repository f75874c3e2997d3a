/**
 * A secret-ballot referendum with three trustees (any two decrypt), driven through the website in
 * real Chromium against the local stack: the council drafts it with its trustees and invites them;
 * each trustee, in a browser of their own, joins with their code and the page does their key-
 * generation steps (dealing, checking, the dry run); the council opens; one citizen votes in the
 * browser (a sealed ballot proved in the worker), the others over the API; after the
 * close one trustee is absent and the other two decrypt in their pages (one after restoring its key
 * on a new device from the recovery code); the council counts; an observer verifies.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { SEAL_SETTLE_MS } from "../../functions/core/closing";
import { publicApi } from "../../web/lib/api-client";
import { apiClient, councilCensus } from "../fixtures/api-client";
import { identityFromSeed } from "../fixtures/ballot-fixtures";
import { exportIdentity } from "../../protocol/identity";
import {
  axeViolations,
  chooseLanguage,
  launchChromium,
  screenshot,
  startSiteStack,
  watchedPage,
  type WatchedPage,
} from "../fixtures/browser";
import type { TestStack } from "../fixtures/test-stack";
import { castSealedBallots } from "../fixtures/sealed-ballots";
import { releaseProverThreads } from "../../protocol/verify";

const HOUR_MS = 3_600_000;
const TITLE = "Shall the town hall open on Sundays?";
const TRUSTEES = ["Alice Archer", "Bob Baker", "Carol Clark"];
/** Each voter's choice: 0 = Yes, 1 = No. */
const CHOICES = [0, 1, 0];
const DKG_MS = 180_000;
const PROOF_MS = 180_000;

let stack: TestStack;
let browser: Browser;
let council: WatchedPage;
let id = "";
let censusId = "";
const codes: string[] = [];
const recovery: string[] = [];
const trustees: WatchedPage[] = [];
const contexts: BrowserContext[] = [];
const voters = CHOICES.map((_, i) => identityFromSeed(`trustee-scenario-voter-${i}`));

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "en-GB", timezoneId: "UTC" });
  contexts.push(context);
  return context;
}

/** Waits for a text; on a timeout the error shows what the page said instead. */
async function see({ page, problems }: WatchedPage, text: string | RegExp, timeout = 30_000): Promise<void> {
  try {
    await page.getByText(text).first().waitFor({ timeout });
  } catch {
    throw new Error(
      `${String(text)} not shown at ${page.url()}; problems: ${problems.join("; ")}; page: ${await page.locator("body").innerText()}`,
    );
  }
}

async function confirm(page: Page, action: string, yes: string): Promise<void> {
  await page.getByRole("button", { name: action }).click();
  await page.getByRole("heading", { level: 2, name: /\?$/ }).waitFor();
  await page.getByRole("button", { name: yes }).click();
}

function localInput(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 16);
}

/** axe finds nothing on the page in English and in Dutch; ends in English. */
async function accessible(page: Page, name: string): Promise<void> {
  for (const [language, code] of [
    ["Nederlands", "nl"],
    ["English", "en"],
  ] as const) {
    await chooseLanguage(page, language);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `trustees-${name}-${code}`);
  }
}

// Refusals and reads the pages expect and explain: a draft is not public yet (404), the
// aggregate exists only once the log is sealed (409), no key generation before the invitations (409).
const EXPECTED = [
  /HTTP 404 \/v1\/referenda\/\d+$/,
  /HTTP 409 \/v1\/referenda\/\d+\/aggregate$/,
  /HTTP 409 \/v1\/referenda\/\d+\/dkg$/,
  // The trustee's worker reads the whole public record, whose tally comes only after the count.
  /HTTP 409 \/v1\/referenda\/\d+\/tally$/,
];

async function trusteePage(): Promise<WatchedPage> {
  const trustee = await watchedPage(await newContext(), EXPECTED);
  await trustee.page.goto(`${stack.apiUrl}/trustee/?r=${id}`);
  await trustee.page.getByRole("heading", { level: 1, name: `Trustee of “${TITLE}”` }).waitFor();
  return trustee;
}

describe("# trustees (the story: each step builds on the one before)", () => {
  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startSiteStack({ sequencerIntervalMs: HOUR_MS, anchorIntervalMs: HOUR_MS }),
      launchChromium(),
    ]);
    council = await watchedPage(await newContext(), EXPECTED);
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
    await stack.stop();
    // The ballots cast over the API were proved here, in Node: snarkjs's threads would keep jest alive.
    await releaseProverThreads();
  });

  it("1. the council drafts a referendum with three trustees, two of them needed, and cannot open it yet", async () => {
    const token = await stack.councilToken("council-trustees");
    censusId = (await councilCensus(apiClient(stack.apiUrl), token, voters)).censusId;
    const { page } = council;
    await page.goto(`${stack.apiUrl}/council/?new=referendum`);
    await page.getByLabel("Council token").fill(token);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "New referendum" }).waitFor();
    const now = Math.floor(stack.now() / 1000);
    await page.getByLabel("Question").fill(TITLE);
    for (const [i, name] of TRUSTEES.entries()) {
      await page.getByRole("button", { name: "Add a trustee" }).click();
      await page.getByLabel(`Trustee ${i + 1}`, { exact: true }).fill(name);
    }
    // Three named: the default is all three; the council lets any two count.
    expect(await page.getByLabel("Trustees needed to count").inputValue()).toBe("3");
    await page.getByLabel("Trustees needed to count").selectOption({ label: "2 of 3" });
    await page.getByLabel("Electorate", { exact: true }).selectOption(censusId);
    await page.getByLabel("Voting opens").fill(localInput(now - 120));
    await page.getByLabel("Voting closes").fill(localInput(now + 3600));
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    id = new URL(page.url()).searchParams.get("referendum") ?? "";
    await see(council, `${TRUSTEES.join(", ")} (2 of 3 needed to count)`);
    await see(council, "The trustees have not been invited yet.");
    expect(await page.getByRole("button", { name: "Open for voting" }).isDisabled()).toBe(true);
    await see(council, "Opening waits for the trustees");
    expect(council.problems).toEqual([]);
  }, 300_000);

  it("2. the council invites the trustees: each one's code and personal link, shown once", async () => {
    const { page } = council;
    await page.getByRole("button", { name: "Invite trustees" }).click();
    await see(council, "These codes are shown only once");
    const rows = page.getByTestId("invitations").locator("tbody tr");
    expect(await rows.count()).toBe(3);
    for (const [i, name] of TRUSTEES.entries()) {
      const row = rows.nth(i);
      expect(await row.locator("th").innerText()).toBe(name);
      codes.push((await row.getByTestId("invitation-code").innerText()).trim());
      expect(await row.locator("td").nth(1).innerText()).toBe(`${stack.apiUrl}/trustee/?r=${id}`);
    }
    await accessible(page, "invitations");
    await page.getByRole("button", { name: "I have sent the invitations" }).click();
    await see(council, "Waiting for the trustees to join with their invitation codes.");
    expect(await page.getByTestId("invitations").count()).toBe(0);
    expect(council.problems).toEqual([]);
  }, 300_000);

  it("3. a wrong invitation code is refused with its message", async () => {
    const stranger = await watchedPage(await newContext(), [
      ...EXPECTED,
      /HTTP 403 \/v1\/referenda\/\d+\/dkg\/members/,
    ]);
    await stranger.page.goto(`${stack.apiUrl}/trustee/?r=${id}`);
    await stranger.page.getByRole("textbox", { name: "Invitation code" }).fill("WRONG-CODE-0000");
    await stranger.page.getByRole("button", { name: "Join" }).click();
    await see(stranger, "This trustee invitation code is not valid for this referendum. Check the code you were sent.");
    await accessible(stranger.page, "wrong-code");
    expect(stranger.problems).toEqual([]);
  }, 300_000);

  it(
    "4. each trustee joins in their own browser; the pages deal, check and decrypt the dry run by themselves",
    async () => {
      for (const code of codes) {
        const trustee = await trusteePage();
        await trustee.page.getByRole("textbox", { name: "Invitation code" }).fill(code);
        await trustee.page.getByRole("button", { name: "Join" }).click();
        await trustee.page.getByRole("heading", { level: 2, name: "Save your recovery code" }).waitFor();
        recovery.push((await trustee.page.getByTestId("trustee-recovery-code").innerText()).trim());
        if (trustees.length === 0) await accessible(trustee.page, "recovery-code");
        await trustee.page.getByRole("button", { name: "I have saved my recovery code" }).click();
        trustees.push(trustee);
      }
      await council.page.locator('[data-testid="dkg-progress"][data-status="complete"]').waitFor({ timeout: DKG_MS });
      await see(council, "The election key is ready and the test decryption worked.");
      for (const [i, trustee] of trustees.entries()) {
        await see(trustee, `You are trustee ${i + 1}: ${TRUSTEES[i]}.`);
        await see(trustee, "Your part of the key generation is done.");
        await see(trustee, "The referendum has not opened yet.");
        expect(trustee.problems).toEqual([]);
      }
      await accessible(trustees[0]!.page, "dkg-complete");
      await accessible(council.page, "dkg-complete");
      expect(council.problems).toEqual([]);
    },
    DKG_MS + 120_000,
  );

  it("5. the council opens it; ballots are cast, sealed; the council sees turnout only", async () => {
    const { page } = council;
    await confirm(page, "Open for voting", "Yes, open it");
    await see(council, "The referendum is open.");
    const { spec } = await publicApi({ baseUrl: stack.apiUrl }).referendum(id);
    expect(spec.trustees?.threshold).toBe(2);
    expect(spec.circuit.name).toBe("sealed_d20_k2");
    // The first voter votes in the browser: the prove worker encrypts and proves the sealed ballot.
    const citizen = await watchedPage(await newContext());
    await citizen.page.goto(`${stack.apiUrl}/identity/`);
    await citizen.page.getByRole("textbox", { name: "Recovery code" }).fill(exportIdentity(voters[0]!));
    await citizen.page.getByRole("button", { name: "Restore voting key" }).click();
    await see(citizen, "Your voting key is restored on this device.");
    await citizen.page.goto(`${stack.apiUrl}/vote/${id}/`);
    await citizen.page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await see(citizen, "This is a secret ballot");
    await citizen.page.getByLabel(spec.options[CHOICES[0]!]!, { exact: true }).check();
    await citizen.page.getByRole("button", { name: "Continue" }).click();
    await citizen.page.getByRole("button", { name: "Cast my vote" }).click();
    await see(citizen, "Your vote was received", PROOF_MS);
    await citizen.page.getByRole("link", { name: "See your receipt" }).click();
    await citizen.page.getByRole("heading", { level: 1, name: "Your receipt" }).waitFor();
    await see(citizen, "Your vote is sealed until the close");
    expect(citizen.problems).toEqual([]);
    // The others' ballots come over the API, proved the same way in Node.
    await castSealedBallots(stack.apiUrl, id, voters.slice(1), CHOICES.slice(1));
    await stack.tick();
    await see(council, `${voters.length} of ${voters.length} residents have voted (100%).`);
    await see(council, "The votes are sealed");
    await see(trustees[0]!, /Voting is open until/);
    expect(council.problems).toEqual([]);
  }, 600_000);

  it("6. after the close, the count waits for two trustees; one is absent, two decrypt in their pages", async () => {
    const { page } = council;
    await confirm(page, "Close voting", "Yes, close voting");
    await see(council, "Voting is closed.");
    const api = publicApi({ baseUrl: stack.apiUrl });
    // The log is sealed SEAL_SETTLE_MS after the close, then its closing head anchored.
    await new Promise((resolve) => setTimeout(resolve, SEAL_SETTLE_MS + 500));
    for (let i = 0; i < 10 && !(await api.referendum(id)).anchors.closed; i++) await stack.tick();
    expect((await api.referendum(id)).anchors.closed).toBe(true);
    await see(council, "0 of 2 trustees needed have decrypted the result.");
    expect(await page.getByRole("button", { name: "Count the votes" }).count()).toBe(0);

    // Carol is absent: her browser is gone.
    await trustees[2]!.page.context().close();
    // Alice decrypts in the page she joined with.
    await trustees[0]!.page.getByRole("button", { name: "Decrypt the result" }).click();
    await see(trustees[0]!, `Your decryption of the total of ${voters.length} counted ballots is published.`, 120_000);
    await see(council, "1 of 2 trustees needed have decrypted the result.");
    await see(council, `Decrypted by: ${TRUSTEES[0]}.`);

    // Bob decrypts on a new device, his key restored from the recovery code.
    const bob = await trusteePage();
    await bob.page.getByRole("textbox", { name: "Trustee recovery code" }).fill(recovery[1] ?? "");
    await bob.page.getByRole("button", { name: "Restore" }).click();
    await see(bob, `You are trustee 2: ${TRUSTEES[1]}.`);
    await accessible(bob.page, "decrypt");
    await bob.page.getByRole("button", { name: "Decrypt the result" }).click();
    await see(bob, `Your decryption of the total of ${voters.length} counted ballots is published.`, 120_000);
    await see(bob, "2 of 2 trustees needed have decrypted the result.");
    for (const trustee of [trustees[0]!, bob]) expect(trustee.problems).toEqual([]);
  }, 400_000);

  it("7. the council counts with the two decryptions; the tally matches the votes", async () => {
    const { page } = council;
    await see(council, `Decrypted by: ${TRUSTEES[0]}, ${TRUSTEES[1]}.`);
    await confirm(page, "Count the votes", "Yes, count the votes");
    await see(council, "The votes have been counted.");
    const expected = [0, 1].map((option) => String(CHOICES.filter((choice) => choice === option).length));
    expect(await page.locator("table:has(caption) tbody tr td:nth-child(2)").allTextContents()).toEqual(expected);
    const tally = await publicApi({ baseUrl: stack.apiUrl }).tally(id);
    expect(tally.counts.slice(0, 2)).toEqual(expected);
    await screenshot(page, "trustees-counted");
    expect(council.problems).toEqual([]);
  }, 400_000);

  it("8. an observer verifies the sealed referendum in the browser", async () => {
    // The verdict is final once the registry holds the tally: the anchoring runs when the test ticks.
    const api = publicApi({ baseUrl: stack.apiUrl });
    for (let i = 0; i < 5 && !(await api.referendum(id)).anchors.tallied; i++) await stack.tick();
    expect((await api.referendum(id)).anchors.tallied).toBe(true);
    const observer = await watchedPage(await newContext());
    await observer.page.goto(`${stack.apiUrl}/verify/${id}/`);
    await observer.page.getByRole("button", { name: "Start verification" }).click();
    const verdict = observer.page.locator("[data-verdict]");
    await verdict.waitFor({ timeout: 180_000 });
    expect(await verdict.getAttribute("data-verdict")).toBe("passed");
    await screenshot(observer.page, "trustees-verified");
    expect(observer.problems).toEqual([]);
  }, 400_000);
});
