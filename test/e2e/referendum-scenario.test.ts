/**
 * The main scenario, driven only through the website in real Chromium against the local
 * stack: a council creates a census, issues codes (read back from the downloaded CSV) and drafts a
 * referendum; three citizens register in their own browsers; the council opens it; they vote (one
 * re-votes) with proofs made in the browser and see their receipts in the log; the council watches
 * turnout, closes and tallies after the closing time; an observer verifies everything. Node only
 * reads the API to cross-check numbers, runs the sequencer and anchoring now, and moves time.
 */
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { publicApi } from "../../web/lib/api-client";
import { launchChromium, screenshot, startSiteStack, watchedPage, type WatchedPage } from "../fixtures/browser";
import type { TestStack } from "../fixtures/test-stack";

const PROOF_MS = 180_000;
const VOTING_SECONDS = 15 * 60;
/** The sequencer and anchoring run only when the test ticks them, so each step's cause is the test's. */
const HOUR_MS = 3_600_000;
const OPTIONS = ["Park", "Library", "Playground"];

let stack: TestStack;
let browser: Browser;
let council: WatchedPage;
let censusId = "";
let codes: string[] = [];
/** The scenario's referendum (re-voting allowed) and one where a vote is final. */
const ids = { main: "", final: "" };
const citizens: WatchedPage[] = [];
/** Each citizen's recovery code, as saved at registration. */
const recoveryCodes: string[] = [];
const contexts: BrowserContext[] = [];

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "en-GB", timezoneId: "UTC", acceptDownloads: true });
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

/** A datetime-local value in UTC (the contexts' time zone). */
function localInput(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 16);
}

async function confirm(page: Page, action: string, yes: string): Promise<void> {
  await page.getByRole("button", { name: action }).click();
  await page.getByRole("heading", { level: 2, name: /\?$/ }).waitFor();
  await page.getByRole("button", { name: yes }).click();
}

/** Drafts a single-choice referendum on the census through the form; answers its id. */
async function draft(title: string, revoting: boolean, closesIn: number): Promise<string> {
  const { page } = council;
  await page.getByRole("link", { name: "Back to the overview" }).click();
  await page.getByRole("link", { name: "New referendum" }).click();
  await page.getByRole("heading", { level: 1, name: "New referendum" }).waitFor();
  const now = Math.floor(stack.now() / 1000);
  await page.getByLabel("Question").fill(title);
  await page.getByLabel("Explanation").fill(`${title} The council asks the residents of Springfield.`);
  await page.getByLabel("Choose one option", { exact: true }).check();
  await page.getByLabel("Option 1").fill(OPTIONS[0] ?? "");
  await page.getByLabel("Option 2").fill(OPTIONS[1] ?? "");
  await page.getByRole("button", { name: "Add an option" }).click();
  await page.getByLabel("Option 3").fill(OPTIONS[2] ?? "");
  const revote = page.getByLabel("Residents may vote again; only their last ballot counts");
  if (revoting) await revote.check();
  else await revote.uncheck();
  await page.getByLabel("Electorate", { exact: true }).selectOption(censusId);
  await page.getByLabel("Voting opens").fill(localInput(now - 120));
  await page.getByLabel("Voting closes").fill(localInput(now + closesIn));
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  expect(await page.getByTestId("state").textContent()).toBe("Draft");
  return new URL(page.url()).searchParams.get("referendum") ?? "";
}

/** A new citizen, in a browser of their own, registers with a code from the letter. */
async function register(code: string): Promise<WatchedPage> {
  const citizen = await watchedPage(await newContext());
  const { page } = citizen;
  await page.goto(`${stack.apiUrl}/register/?census=${encodeURIComponent(censusId)}`);
  await page.getByRole("heading", { level: 1, name: "Register to vote" }).waitFor();
  await page.getByLabel("Registration code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { name: "Save your recovery code" }).waitFor();
  const recoveryCode = (await page.getByTestId("recovery-code").innerText()).trim();
  expect(recoveryCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){13}$/);
  recoveryCodes.push(recoveryCode);
  await page.getByLabel("I have saved my recovery code").check();
  await page.getByRole("button", { name: "Finish" }).click();
  await see(citizen, "You are registered");
  return citizen;
}

/** Votes for one option with a proof made in this browser; the page then says it was received. */
async function vote(citizen: WatchedPage, id: string, option: string): Promise<void> {
  const { page } = citizen;
  await page.goto(`${stack.apiUrl}/vote/${id}/`);
  await page.getByRole("heading", { level: 1, name: "Shall the old market square become a park?" }).waitFor();
  await page.getByLabel(option, { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Cast my vote" }).click();
  await see(citizen, "Your vote was received", PROOF_MS);
}

/** From the vote page's confirmation to the receipt, checked in the browser against the log. */
async function receiptInLog(citizen: WatchedPage): Promise<void> {
  await citizen.page.getByRole("link", { name: "See your receipt" }).click();
  await citizen.page.getByRole("heading", { level: 1, name: "Your receipt" }).waitFor();
  await see(citizen, "Your ballot is waiting to be added to the public log.");
  await stack.tick();
  await see(citizen, /Your ballot is in the public log \(position \d of \d\)/);
  await see(citizen, "The service's signed promise on this receipt is valid");
}

// The deliberate story: its steps run in order, each on the state the one before left (the census,
// codes and referenda of step 1, the votes of step 4), so none of them runs alone.
describe("# referendum scenario (the story: each step builds on the one before)", () => {
  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startSiteStack({ sequencerIntervalMs: HOUR_MS, anchorIntervalMs: HOUR_MS }),
      launchChromium(),
    ]);
    council = await watchedPage(await newContext());
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
    await stack.stop();
  });

  it("1. a council signs in, creates a census, issues codes as a CSV and drafts referenda", async () => {
    const { page } = council;
    await page.goto(`${stack.apiUrl}/council/`);
    await page.getByLabel("Council token").fill(await stack.councilToken("council-scenario"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Council administration" }).waitFor();
    await page.getByLabel("Name of the electorate").fill("Springfield 2026");
    await page.getByRole("button", { name: "Create electorate" }).click();
    await page.getByRole("link", { name: "Manage electorate “Springfield 2026”" }).click();
    await page.getByRole("heading", { level: 1, name: "Electorate “Springfield 2026”" }).waitFor();
    censusId = new URL(page.url()).searchParams.get("census") ?? "";
    expect(censusId).not.toBe("");
    await page.getByLabel("Number of codes").fill("4");
    await page.getByRole("button", { name: "Issue codes" }).click();
    await see(council, "4 registration codes have been issued.");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /^Download the codes/ }).click(),
    ]);
    const lines = (await readFile(await download.path(), "utf8")).trim().split(/\r?\n/);
    expect(lines[0]).toBe("code");
    codes = lines.slice(1);
    expect(new Set(codes).size).toBe(4);
    await screenshot(page, "scenario-1-codes");

    ids.main = await draft("Shall the old market square become a park?", true, VOTING_SECONDS);
    await see(council, "Allowed; the last ballot counts");
    await see(council, OPTIONS.join(" · "));
    await screenshot(page, "scenario-1-draft");
    ids.final = await draft("Which project gets the street fund?", false, 7 * 24 * 3600);
    await see(council, "Not allowed");
    expect(council.problems).toEqual([]);
  }, 300_000);

  it("2. three citizens register, each in their own browser, with codes from the CSV", async () => {
    for (const code of codes.slice(0, 3)) citizens.push(await register(code));
    await screenshot(citizens[2]!.page, "scenario-2-registered");
    for (const citizen of citizens) expect(citizen.problems).toEqual([]);
  }, 300_000);

  it("3. the council opens the referenda, freezing the census with its 3 members", async () => {
    const { page } = council;
    for (const id of [ids.final, ids.main]) {
      await page.goto(`${stack.apiUrl}/council/?referendum=${id}`);
      await page.getByText("Opening freezes the electorate").waitFor();
      await confirm(page, "Open for voting", "Yes, open it");
      await see(council, "The referendum is open.");
      expect(await page.getByTestId("state").textContent()).toBe("Open");
      await see(council, "0 of 3 residents have voted (0%).");
    }
    await screenshot(page, "scenario-3-open");
    expect((await publicApi({ baseUrl: stack.apiUrl }).referendum(ids.main)).spec.census.size).toBe(3);
    expect(council.problems).toEqual([]);
  }, 300_000);

  it("4. the citizens vote, one re-votes, and each receipt is shown in the log", async () => {
    const choices = ["Park", "Library", "Playground"];
    for (const [i, citizen] of citizens.entries()) {
      await vote(citizen, ids.main, choices[i] ?? "");
      if (i === 0) await screenshot(citizen.page, "scenario-4-received");
      await receiptInLog(citizen);
    }
    await screenshot(citizens[2]!.page, "scenario-4-receipt");

    // The first citizen changes their mind: the page says only the latest ballot counts.
    const first = citizens[0]!;
    await first.page.goto(`${stack.apiUrl}/vote/${ids.main}/`);
    await see(first, /You have voted\. You may change your vote until .*; only your latest ballot counts/);
    await screenshot(first.page, "scenario-4-revoting");
    await vote(first, ids.main, "Library");
    await receiptInLog(first);
    await see(first, /Your ballot is in the public log \(position 4 of 4\)/);
    await expect(
      first.page
        .getByRole("listitem")
        .filter({ hasText: /^Ballot \d+, received/ })
        .count(),
    ).resolves.toBe(2);
    await screenshot(first.page, "scenario-4-revote-receipt");
    for (const citizen of citizens) expect(citizen.problems).toEqual([]);
  }, 720_000);

  it("5. the council sees live turnout: 3 of 3 voters, 4 ballots", async () => {
    const { page } = council;
    await page.goto(`${stack.apiUrl}/council/?referendum=${ids.main}`);
    await see(council, "3 of 3 residents have voted (100%).");
    await see(council, "Ballots received, re-votes included: 4.");
    await screenshot(page, "scenario-5-turnout");
    expect(council.problems).toEqual([]);
  }, 300_000);

  it("6. after the closing time the referendum is closed by itself and the council tallies; the re-voter's latest choice counts", async () => {
    const { page } = council;
    await stack.advance(VOTING_SECONDS + 120);
    // It closes by itself at its closing time; the loop seals the log.
    await stack.tick();
    await page.getByTestId("state").filter({ hasText: "Closed" }).waitFor({ timeout: 20_000 });
    await confirm(page, "Count the votes", "Yes, count the votes");
    await see(council, "The votes have been counted.");
    expect(await page.getByTestId("state").textContent()).toBe("Counted");
    await see(council, "3 residents voted; 4 ballots were received.");
    expect(await page.locator("table tbody tr td:nth-child(2)").allTextContents()).toEqual(["0", "2", "1"]);
    expect(await page.locator(".bar-chart .bar-value").allTextContents()).toEqual(["0 (0%)", "2 (66.7%)", "1 (33.3%)"]);
    const api = publicApi({ baseUrl: stack.apiUrl });
    for (let i = 0; i < 5 && !(await api.referendum(ids.main)).anchors.tallied; i++) await stack.tick();
    expect((await api.referendum(ids.main)).anchors.tallied).toBe(true);
    await page.getByTestId("anchors").getByText("Yes").nth(1).waitFor({ timeout: 20_000 });
    await screenshot(page, "scenario-6-result");
    expect(council.problems).toEqual([]);
  }, 300_000);

  it("7. an observer verifies the referendum in the browser: every check passes, with the API's counts", async () => {
    const observer = await watchedPage(await newContext());
    const { page } = observer;
    const tally = await publicApi({ baseUrl: stack.apiUrl }).tally(ids.main);
    expect(tally.counts.slice(0, 3)).toEqual(["0", "2", "1"]);
    await page.goto(`${stack.apiUrl}/verify/${ids.main}/`);
    await page.getByRole("heading", { level: 1, name: /^Verify “/ }).waitFor();
    await page.getByRole("button", { name: "Start verification" }).click();
    const verdict = page.locator("[data-verdict]");
    await verdict.waitFor({ timeout: PROOF_MS });
    expect(await verdict.getAttribute("data-verdict")).toBe("passed");
    await page.getByRole("heading", { level: 2, name: /^Verified: all \d+ checks passed\.$/ }).waitFor();
    expect(
      await page.locator('li[data-check][data-result="fail"], li[data-check][data-result="pending"]').count(),
    ).toBe(0);
    const counts = await page.locator("table:has(caption) tbody tr td:nth-child(2)").allTextContents();
    expect(counts).toEqual(tally.counts.slice(0, 3));
    await see(observer, `${tally.voters} of 3 residents voted (100%).`);
    await see(observer, `Ballots cast: ${tally.ballots}, of which re-votes that replaced an earlier ballot: 1.`);
    expect([tally.voters, tally.ballots]).toEqual([3, 4]);
    expect(await page.locator("[data-proofs]").getAttribute("data-proofs")).toBe("4");
    await screenshot(page, "scenario-7-verified");
    expect(observer.problems).toEqual([]);
  }, 300_000);

  it("8a. a registration code that was used shows its message", async () => {
    const latecomer = await watchedPage(await newContext(), [/HTTP 409 \/v1\/censuses\/[^/]+\/registrations/]);
    const { page } = latecomer;
    await page.goto(`${stack.apiUrl}/register/?census=${encodeURIComponent(censusId)}`);
    await page.getByLabel("Registration code").fill(codes[0] ?? "");
    await page.getByRole("button", { name: "Continue" }).click();
    await see(latecomer, "This registration code has already been used. Each code works once.");
    await screenshot(page, "scenario-8-code-used");
    expect(latecomer.problems).toEqual([]);
  }, 300_000);

  it("8b. where re-voting is off, a second vote is refused: on the same device and from another one", async () => {
    const citizen = citizens[1]!;
    const { page } = citizen;
    await page.goto(`${stack.apiUrl}/vote/${ids.final}/`);
    await page.getByRole("heading", { level: 1, name: "Which project gets the street fund?" }).waitFor();
    await see(citizen, "Your vote is final: it cannot be changed once cast.");
    await page.getByLabel("Playground", { exact: true }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Cast my vote" }).click();
    await see(citizen, "Your vote was received", PROOF_MS);
    await stack.tick();
    await page.goto(`${stack.apiUrl}/vote/${ids.final}/`);
    await see(citizen, "You have voted in this referendum. Your vote cannot be changed here.");
    await see(citizen, "1 of 3 residents have voted so far.");
    await expect(page.getByRole("button", { name: "Continue" }).count()).resolves.toBe(0);
    await screenshot(page, "scenario-8-voted");
    expect(citizen.problems).toEqual([]);

    // The same key restored on another device, which holds no receipt: the service refuses the ballot.
    const other = await watchedPage(await newContext(), [/HTTP 409 \/v1\/referenda\/[^/]+\/ballots/]);
    await other.page.goto(`${stack.apiUrl}/identity/`);
    await other.page.getByRole("textbox", { name: "Recovery code" }).fill(recoveryCodes[1] ?? "");
    await other.page.getByRole("button", { name: "Restore voting key" }).click();
    await see(other, "Your voting key is restored on this device.");
    await other.page.goto(`${stack.apiUrl}/vote/${ids.final}/`);
    await other.page.getByLabel("Park", { exact: true }).check();
    await other.page.getByRole("button", { name: "Continue" }).click();
    await other.page.getByRole("button", { name: "Cast my vote" }).click();
    await see(other, "You have already voted in this referendum, and it does not allow changing your vote.", PROOF_MS);
    await screenshot(other.page, "scenario-8-nullifier-used");
    expect(other.problems).toEqual([]);
  }, 360_000);

  it("8c. a closed referendum's vote page says voting has closed, with no form", async () => {
    await council.page.goto(`${stack.apiUrl}/council/?referendum=${ids.final}`);
    await council.page.getByRole("heading", { level: 1, name: "Which project gets the street fund?" }).waitFor();
    await confirm(council.page, "Close voting", "Yes, close voting");
    await see(council, "Voting is closed.");
    const citizen = citizens[2]!;
    await citizen.page.goto(`${stack.apiUrl}/vote/${ids.final}/`);
    await see(citizen, "Voting has closed. The result will be counted and published.");
    await expect(citizen.page.getByRole("button", { name: "Continue" }).count()).resolves.toBe(0);
    await screenshot(citizen.page, "scenario-8-closed");
    expect(citizen.problems).toEqual([]);
    expect(council.problems).toEqual([]);
  }, 300_000);
});
