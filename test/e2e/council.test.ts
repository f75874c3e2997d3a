/**
 * The council pages in real Chromium against the local stack: sign in with the local token, create
 * a census, issue and download codes, draft, edit and open a referendum, watch turnout after a
 * ballot proven in node, close and tally it after the closing time; a field the API refuses is
 * marked at that field, and a token the API stops taking sends the council back to sign in. Every
 * state passes axe in English and Dutch and is photographed in both.
 */
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { releaseProverThreads } from "../../protocol/verify";
import { loadArtifacts } from "../../protocol/artifacts.node";
import { apiClient, expectStatus, proveFromApi, submitBallot } from "../fixtures/api-client";
import { identityFromSeed } from "../fixtures/ballot-fixtures";
import {
  axeViolations,
  chooseLanguage,
  launchChromium,
  screenshot,
  startSiteStack,
  watchedPage,
} from "../fixtures/browser";
import { once, STEPS_MS } from "../fixtures/steps";
import type { TestStack } from "../fixtures/test-stack";

const VOTING_SECONDS = 15 * 60;

let stack: TestStack;
let browser: Browser;
let page: Page;
let problems: string[];
let censusId = "";
let referendumId = "";

/** axe finds nothing and a screenshot is kept, in English and in Dutch; the page ends in English. */
async function auditBothLanguages(state: string): Promise<void> {
  for (const [language, suffix] of [
    ["Nederlands", "nl"],
    ["English", "en"],
  ] as const) {
    await chooseLanguage(page, language);
    expect([state, suffix, await axeViolations(page)]).toEqual([state, suffix, []]);
    await screenshot(page, `council-${state}-${suffix}`);
  }
}

/** A datetime-local value in UTC (the browser context's time zone). */
function localInput(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 16);
}

/** Waits for a text; on a timeout the error shows what the page said instead. */
async function see(text: string, timeout = 30_000): Promise<void> {
  try {
    await page.getByText(text).first().waitFor({ timeout });
  } catch {
    throw new Error(
      `"${text}" not shown at ${page.url()}; problems: ${problems.join("; ")}; page: ${await page.locator("body").innerText()}`,
    );
  }
}

/** The chain's latest block time, in Unix seconds. */
async function chainTime(): Promise<number> {
  const response = await fetch(stack.rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_getBlockByNumber", params: ["latest", false] }),
  });
  const { result } = (await response.json()) as { result: { timestamp: string } };
  return Number(BigInt(result.timestamp));
}

async function confirm(action: string, yes: string): Promise<void> {
  await page.getByRole("button", { name: action }).click();
  await page.getByRole("heading", { level: 2, name: /\?$/ }).waitFor();
  await page.getByRole("button", { name: yes }).click();
}

describe("# council pages", () => {
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startSiteStack(), launchChromium()]);
    const context = await browser.newContext({ locale: "en-GB", timezoneId: "UTC", acceptDownloads: true });
    ({ page, problems } = await watchedPage(context, [
      /^HTTP 401 \/v1\/council\//,
      /^HTTP 400 \/v1\/council\/referenda$/,
      /^HTTP 409 \/v1\/council\/referenda\/\d+\/open$/,
    ]));
  }, 600_000);

  afterAll(async () => {
    await browser.close();
    await stack.stop();
    await releaseProverThreads();
  });

  // The story as steps (test/fixtures/steps.ts), so that every test below can run alone.

  /** Refuses a wrong token, then signs in: the dashboard shows. */
  const signIn = once(async () => {
    await page.goto(`${stack.apiUrl}/council/`);
    await page.getByRole("heading", { level: 1, name: "Sign in as a council administrator" }).waitFor();
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Paste the council token.").waitFor();
    await auditBothLanguages("signin");
    await page.getByLabel("Council token").fill("not-a-token");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator('[data-error-code="UNAUTHENTICATED"]').waitFor();
    // A token that never was valid is "not recognised", not "expired"; the message links to the field.
    await page.getByRole("link", { name: /^This token was not recognised\./ }).click();
    await page.waitForFunction(() => document.activeElement?.id === "council-token");
    expect(await page.getByText(/expired/).count()).toBe(0);
    expect(await page.getByLabel("Council token").getAttribute("aria-describedby")).toContain("council-token-error");
    // A token that was good once but has run out says so: the council needs a new one.
    await page.getByLabel("Council token").fill(await stack.councilToken("council-e2e", -60));
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator('[data-error-code="TOKEN_EXPIRED"]').waitFor();
    await page.getByRole("link", { name: /^This token has expired\./ }).click();
    await page.waitForFunction(() => document.activeElement?.id === "council-token");
    expect(await page.getByText(/not recognised/).count()).toBe(0);
    await auditBothLanguages("signin-token-expired");
    await page.getByLabel("Council token").fill(await stack.councilToken("council-e2e"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Council administration" }).waitFor();
    await page.getByText("There are no electorates yet.").waitFor();
    await page.getByText("There are no referenda yet.").waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem("bling.council.token"))).toMatch(/^ey/);
    await auditBothLanguages("dashboard");
    expect(problems).toEqual([]);
  });

  /** Creates the census “Springfield 2026”, issues its codes and registers a voter. */
  const createCensus = once(async () => {
    await signIn();
    await page.getByLabel("Name of the electorate").fill("Springfield 2026");
    await page.getByRole("button", { name: "Create electorate" }).click();
    await page.getByText("The electorate “Springfield 2026” has been created.").waitFor();
    await page.getByText("0 registered residents").waitFor();
    await page.getByRole("link", { name: "Manage electorate “Springfield 2026”" }).click();
    await page.getByRole("heading", { level: 1, name: "Electorate “Springfield 2026”" }).waitFor();
    censusId = new URL(page.url()).searchParams.get("census") ?? "";
    expect(censusId).not.toBe("");
    await page.getByText(`${stack.apiUrl}/register/?census=${censusId}`).waitFor();
    await page.getByText("Codes are shown only once").waitFor();

    await page.getByLabel("Number of codes").fill("5");
    await page.getByRole("button", { name: "Issue codes" }).click();
    await page.getByText("5 registration codes have been issued.").waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /^Download the codes/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`codes-${censusId}.csv`);
    const lines = (await readFile(await download.path(), "utf8")).trim().split(/\r?\n/);
    expect(lines[0]).toBe("code");
    expect(lines.slice(1)).toHaveLength(5);
    expect(new Set(lines.slice(1)).size).toBe(5);
    // The same codes for a mail merge: one row per letter, the code and its personal registration link.
    const [merge] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /^Download for a mail merge/ }).click(),
    ]);
    expect(merge.suggestedFilename()).toBe(`letters-${censusId}.csv`);
    const rows = (await readFile(await merge.path(), "utf8")).trim().split(/\r?\n/);
    expect(rows).toEqual([
      "code,registration_link",
      ...lines.slice(1).map((code) => `${code},${stack.apiUrl}/register/?census=${censusId}#code=${code}`),
    ]);
    await auditBothLanguages("census");

    const voter = identityFromSeed("council-e2e-voter");
    expectStatus(
      await apiClient(stack.apiUrl)("POST", `/v1/censuses/${censusId}/registrations`, {
        body: { code: lines[1], commitment: String(voter.commitment) },
      }),
      201,
    );
    await page.reload();
    await page.getByText("Registered residents: 1").waitFor();
    expect(problems).toEqual([]);
  });

  /** Checks the draft form, saves an approval draft on the census and edits it. */
  const saveDraft = once(async () => {
    await createCensus();
    await page.getByRole("link", { name: "Back to the overview" }).click();
    await page.getByRole("link", { name: "New referendum" }).click();
    await page.getByRole("heading", { level: 1, name: "New referendum" }).waitFor();
    await page.getByLabel("Voting closes").fill(await page.getByLabel("Voting opens").inputValue());
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText("The draft cannot be saved yet").waitFor();
    await page.getByText("This field is required.", { exact: true }).waitFor();
    await page.getByText("Voting must close after it opens.", { exact: true }).waitFor();
    // The summary links each problem to its field.
    await page.getByRole("link", { name: "Question: This field is required." }).click();
    await page.waitForFunction(() => document.activeElement?.id === "draft-title");
    // Each census shows its size (one resident registered above).
    await page.getByRole("option", { name: "Springfield 2026 (1 registered)" }).waitFor({ state: "attached" });
    await auditBothLanguages("draft-invalid");

    const now = Math.floor(Date.now() / 1000);
    await page.getByLabel("Question").fill("A new park at the station?");
    await page.getByLabel("Approval: tick up to a number of options").check();
    // Yes/no's "Yes" and "No" do not carry over to another kind of vote.
    expect(await page.getByLabel("Option 1").inputValue()).toBe("");
    expect(await page.getByLabel("Option 2").inputValue()).toBe("");
    await page.getByLabel("Most options one resident may tick").fill("2");
    await page.getByLabel("Option 1").fill("Park");
    await page.getByLabel("Option 2").fill("Playground");
    await page.getByRole("button", { name: "Add an option" }).click();
    await page.getByLabel("Option 3").fill("Car park");
    // The form takes any date; the API refuses a time before 1970 (Unix seconds are not negative).
    await page.getByLabel("Voting opens").fill("1969-12-31T12:00");
    await page.getByLabel("Voting closes").fill(localInput(now + VOTING_SECONDS));
    expect(await page.getByLabel("Electorate").inputValue()).toBe(censusId);
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.locator('[data-error-code="INPUT_INVALID"]').waitFor();
    const opens = page.getByLabel("Voting opens");
    await page.locator("#draft-opens-error").getByText("The service did not accept this field.").waitFor();
    expect(await opens.getAttribute("aria-invalid")).toBe("true");
    expect(await opens.getAttribute("aria-describedby")).toContain("draft-opens-error");
    await page.waitForFunction(() => document.activeElement?.id === "draft-opens");
    expect(await page.getByLabel("Voting closes").getAttribute("aria-invalid")).toBe("false");
    await auditBothLanguages("draft-refused");
    await opens.fill(localInput(now - 120));
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByRole("heading", { level: 1, name: "A new park at the station?" }).waitFor();
    referendumId = new URL(page.url()).searchParams.get("referendum") ?? "";
    expect(await page.getByTestId("state").textContent()).toBe("Draft");

    await page.getByRole("link", { name: "Edit draft" }).click();
    await page.getByRole("heading", { level: 1, name: "Edit draft “A new park at the station?”" }).waitFor();
    expect(await page.getByLabel("Most options one resident may tick").inputValue()).toBe("2");
    await page.getByLabel("Question").fill("A new park by the station?");
    await page.getByLabel("Explanation").fill("Where the old car park is now.");
    await auditBothLanguages("draft-edit");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByRole("heading", { level: 1, name: "A new park by the station?" }).waitFor();
    await page.getByText("Where the old car park is now.").waitFor();
    await page.getByText("Park · Playground · Car park").waitFor();
    expect(problems).toEqual([]);
  });

  /** Opens the draft and sees a ballot in the turnout. */
  const openReferendum = once(async () => {
    await saveDraft();
    await page.getByText("Opening freezes the electorate").waitFor();
    await confirm("Open for voting", "Yes, open it");
    await see("The referendum is open.");
    expect(await page.getByTestId("state").textContent()).toBe("Open");
    await page.getByText("0 of 1 residents have voted (0%).").waitFor();
    // Public links for residents and the press.
    await page.getByRole("link", { name: `${stack.apiUrl}/vote/${referendumId}/` }).waitFor();
    await page.getByRole("link", { name: `${stack.apiUrl}/verify/${referendumId}/` }).waitFor();

    const api = apiClient(stack.apiUrl);
    const voter = identityFromSeed("council-e2e-voter");
    const ballot = await proveFromApi(api, referendumId, voter, [1, 0, 1], await loadArtifacts());
    expectStatus(await submitBallot(api, referendumId, ballot), 202);
    await stack.tick();
    await page.getByText("1 of 1 residents have voted (100%).").waitFor({ timeout: 20_000 });
    await page.getByText("Ballots received, re-votes included: 1.").waitFor();
    await auditBothLanguages("referendum-open");
    expect(problems).toEqual([]);
  });

  /** Closes, travels past the closing time and tallies. */
  const closeAndTally = once(async () => {
    await openReferendum();
    await confirm("Close voting", "Yes, close voting");
    await see("Voting is closed.");
    expect(await page.getByTestId("state").textContent()).toBe("Closed");
    // Until the log is sealed (a couple of seconds after the close) the count cannot succeed: the
    // page shows either the message saying why or the button, never both and never neither.
    const shown = await page.evaluate(() => [
      document.querySelector('[data-testid="sealing"]') !== null,
      Array.from(document.querySelectorAll("button")).some((button) => button.textContent === "Count the votes"),
    ]);
    expect(shown[0]).toBe(!shown[1]);

    await stack.advance(VOTING_SECONDS + 60);
    await stack.tick();
    await page.getByRole("button", { name: "Count the votes" }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("sealing").count()).toBe(0);
    await confirm("Count the votes", "Yes, count the votes");
    await see("The votes have been counted.");
    expect(await page.getByTestId("state").textContent()).toBe("Counted");
    const rows = await page.locator("table tbody tr").allTextContents();
    expect(rows).toEqual(["Park150%", "Playground00%", "Car park150%"]);
    expect(await page.locator(".bar-chart .bar-value").allTextContents()).toEqual(["1 (50%)", "0 (0%)", "1 (50%)"]);
    await stack.tick();
    await page.getByTestId("anchors").getByText("Yes").nth(1).waitFor({ timeout: 20_000 });
    await auditBothLanguages("referendum-tallied");
    expect(problems).toEqual([]);
  });

  /** Fails to open a referendum on an empty census, then signs out. */
  const refuseEmptyCensus = once(async () => {
    await followClock();
    const api = apiClient(stack.apiUrl);
    const token = await stack.councilToken("council-e2e");
    const empty = expectStatus(
      await api<{ id: string }>("POST", "/v1/council/censuses", { token, body: { name: "Nobody yet" } }),
      201,
    );
    const now = Math.floor(stack.now() / 1000);
    const draft = expectStatus(
      await api<{ id: string }>("POST", "/v1/council/referenda", {
        token,
        body: {
          title: "An empty question",
          options: ["Yes", "No"],
          rules: { preset: "yes-no" },
          censusId: empty.id,
          opensAt: now,
          closesAt: now + VOTING_SECONDS,
        },
      }),
      201,
    );
    await page.goto(`${stack.apiUrl}/council/?referendum=${draft.id}`);
    await page.getByRole("heading", { level: 1, name: "An empty question" }).waitFor();
    // The draft form says so before the council tries to open it.
    await page.getByRole("link", { name: "Edit draft" }).click();
    await page.getByText("Nobody has registered in this electorate yet.").waitFor();
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("heading", { level: 1, name: "An empty question" }).waitFor();
    await confirm("Open for voting", "Yes, open it");
    await page.locator('[data-error-code="CENSUS_EMPTY"]').waitFor();
    expect(await page.getByTestId("state").textContent()).toBe("Draft");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in as a council administrator" }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem("bling.council.token"))).toBeNull();
    expect(problems).toEqual([]);
  });

  /** An open referendum's page turns closed, ready to count, at its closing time without a reload. */
  const followClock = once(async () => {
    await closeAndTally();
    const api = apiClient(stack.apiUrl);
    const token = await stack.councilToken("council-e2e");
    // The registry refuses a close in the chain's past, and the steps before moved the chain's clock on.
    const now = Math.max(Math.floor(stack.now() / 1000), await chainTime());
    const draft = expectStatus(
      await api<{ id: string }>("POST", "/v1/council/referenda", {
        token,
        body: {
          title: "A bench on the square?",
          options: ["Yes", "No"],
          rules: { preset: "yes-no" },
          censusId,
          opensAt: now - 60,
          closesAt: now + VOTING_SECONDS,
        },
      }),
      201,
    );
    expectStatus(await api("POST", `/v1/council/referenda/${draft.id}/open`, { token }), 200);
    // The anchor loop puts the opening on chain. Travelling past the close before it ran would
    // leave the registry refusing a referendum whose closing time it has already passed.
    await stack.tick();
    await page.goto(`${stack.apiUrl}/council/?referendum=${draft.id}`);
    await page.getByRole("heading", { level: 1, name: "A bench on the square?" }).waitFor();
    expect(await page.getByTestId("state").textContent()).toBe("Open");
    expect(await page.getByRole("button", { name: "Count the votes" }).count()).toBe(0);
    await stack.advance(now + VOTING_SECONDS + 60 - Math.floor(stack.now() / 1000));
    await stack.tick();
    // No reload: the page itself notices the closing time and offers the count once it can succeed.
    await page.getByRole("button", { name: "Count the votes" }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("state").textContent()).toBe("Closed");
    expect(await page.getByRole("button", { name: "Close voting" }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it("should refuse a wrong token with its message, then sign in with the council's token", () => signIn(), STEPS_MS);

  it(
    "should create a census, issue codes once as a CSV download, and count a registration",
    () => createCensus(),
    STEPS_MS,
  );

  it("should check the draft form per field, save a draft with a preset, and edit it", () => saveDraft(), STEPS_MS);

  it("should open after confirmation and show live turnout once a ballot is in", () => openReferendum(), STEPS_MS);

  it("should close, and after the closing time tally with a table and a bar chart", () => closeAndTally(), STEPS_MS);

  it(
    "should turn an open referendum closed and countable at its closing time, without a reload",
    () => followClock(),
    STEPS_MS,
  );

  it(
    "should explain that a referendum cannot open on an empty census, then sign out",
    () => refuseEmptyCensus(),
    STEPS_MS,
  );

  it(
    "should send the council back to sign in, saying so, when the API stops taking its token",
    async () => {
      await refuseEmptyCensus();
      const token = await stack.councilToken("council-e2e");
      await page.goto(`${stack.apiUrl}/council/?census=${censusId}`);
      await page.getByLabel("Council token").fill(token);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { level: 1, name: "Electorate “Springfield 2026”" }).waitFor();

      // The same claims with a past expiry, under the old signature: expired and forged at once.
      await page.evaluate(() => {
        const key = "bling.council.token";
        const [header, payload, signature] = (sessionStorage.getItem(key) ?? "").split(".");
        const claims = JSON.parse(atob((payload ?? "").replace(/-/g, "+").replace(/_/g, "/"))) as { exp?: number };
        claims.exp = Math.floor(Date.now() / 1000) - 60;
        const forged = btoa(JSON.stringify(claims)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
        sessionStorage.setItem(key, `${header}.${forged}.${signature}`);
      });
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Sign in as a council administrator" }).waitFor();
      await page
        .getByRole("alert")
        .getByText("Your sign-in has expired or was withdrawn. Please sign in again.")
        .waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem("bling.council.token"))).toBeNull();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      await auditBothLanguages("signin-expired");

      await page.getByLabel("Council token").fill(token);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { level: 1, name: "Electorate “Springfield 2026”" }).waitFor();
      await page.getByText("Registered residents: 1").waitFor();
      expect(problems).toEqual([]);
    },
    STEPS_MS,
  );
});
