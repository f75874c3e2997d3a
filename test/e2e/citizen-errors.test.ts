/**
 * The citizen pages when something goes wrong, in real Chromium against the real local stack: an
 * electorate that does not exist, a key registered twice, a tampered circuit file, a ballot still
 * waiting for the public log, and the service out of reach. The sequencer and anchoring run only
 * when the test ticks them, so the waiting receipt stays waiting until then.
 * Every new page state passes axe in English and Dutch and is screenshotted in both.
 */
import type { Browser, BrowserContext, Route } from "playwright-core";
import type { LocalStack } from "../../local/stack";
import { councilApi, type CouncilApi } from "../../web/lib/api-client";
import { launchChromium, startSiteStack, watchedPage, type WatchedPage } from "../fixtures/browser";
import { checkBothLanguages, fillRegistration, finishRegistration } from "../fixtures/citizen-flows";

const PROOF_MS = 120_000;
const HOUR_MS = 3_600_000;
// 400 PATH_INVALID for an electorate id that cannot exist (looked up, then registered in), 404 for an
// unknown one, 409 for a used code.
const REGISTRATION = /HTTP (400|404|409) \/v1\/censuses\/[^/]+/;
const BALLOTS = /\/v1\/referenda\/[^/]+\/ballots$/;
// The file is asked for by its hash (`?sha256=…`, web/lib/artifacts.ts).
const TAMPERED = /\/artifacts\/vote_d20_k8\/vote_d20_k8\.zkey(\?|$)/;

describe("# citizen pages: error paths", () => {
  let stack: LocalStack;
  let browser: Browser;
  let council: CouncilApi;
  let censusId: string;
  let codes: string[];
  let referendumId: string;
  const contexts: BrowserContext[] = [];
  /** The resident whose key this test registers, then uses to vote. */
  let citizen: WatchedPage;

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: "en-GB" });
    contexts.push(context);
    return context;
  }

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startSiteStack({ sequencerIntervalMs: HOUR_MS, anchorIntervalMs: HOUR_MS }),
      launchChromium(),
    ]);
    council = councilApi({ baseUrl: stack.apiUrl, token: await stack.councilToken("council-citizen-errors") });
    censusId = (await council.createCensus("Foutdorp")).id;
    codes = (await council.issueCodes(censusId, 4)).trim().split("\n").slice(1);
    const now = Math.floor(Date.now() / 1000);
    referendumId = (
      await council.createDraft({
        title: "Longer library hours",
        description: "Longer library hours: a question to the residents of Foutdorp.",
        options: ["Yes", "No"],
        rules: { preset: "yes-no" },
        revoting: true,
        censusId,
        opensAt: now - 60,
        closesAt: now + 7 * 24 * 3600,
      })
    ).id;
    citizen = await watchedPage(await newContext(), [REGISTRATION]);
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
    await stack.stop();
  });

  it("should say so when the letter's electorate does not exist", async () => {
    const { page, problems } = await watchedPage(await newContext(), [REGISTRATION]);
    await fillRegistration(page, stack.apiUrl, "no-such-electorate", codes[3] ?? "");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("This electorate does not exist. Check the address on your letter.").waitFor();
    await checkBothLanguages(page, "register-census-unknown");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("should refuse a second code for a key that is registered already", async () => {
    const { page, problems } = citizen;
    await fillRegistration(page, stack.apiUrl, censusId, codes[0] ?? "");
    await page.getByRole("button", { name: "Continue" }).click();
    await finishRegistration(page);

    await fillRegistration(page, stack.apiUrl, censusId, codes[1] ?? "");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("This voting key is already registered.").waitFor();
    await checkBothLanguages(page, "register-key-registered");
    expect(problems).toEqual([]);
  });

  it("should refuse to prove with a circuit file that fails its check, and send nothing", async () => {
    await council.open(referendumId);
    const { page, problems } = citizen;
    const ballotPosts: string[] = [];
    const noteBallot = (request: { method(): string; url(): string }): void => {
      if (request.method() === "POST" && BALLOTS.test(new URL(request.url()).pathname)) ballotPosts.push(request.url());
    };
    page.on("request", noteBallot);
    let served = 0;
    const tamper = async (route: Route): Promise<void> => {
      served += 1;
      const response = await route.fetch();
      const body = await response.body();
      const middle = body.length >> 1;
      body.writeUInt8((body.readUInt8(middle) ^ 0xff) & 0xff, middle);
      await route.fulfill({ response, body });
    };
    await page.route(TAMPERED, tamper);
    try {
      await page.goto(`${stack.apiUrl}/vote/${referendumId}/`);
      await page.getByRole("heading", { level: 1, name: "Longer library hours" }).waitFor();
      await page.getByLabel("Yes", { exact: true }).check();
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("button", { name: "Cast my vote" }).click();
      await page
        .getByText("The voting software could not be downloaded, or it did not match its published fingerprint.")
        .waitFor({ timeout: PROOF_MS });
      await expect(page.locator("[data-error-code]").getAttribute("data-error-code")).resolves.toBe("artifacts");
      await checkBothLanguages(page, "vote-artifact-tampered");
    } finally {
      await page.unroute(TAMPERED, tamper);
      page.off("request", noteBallot);
    }
    expect(served).toBe(1);
    expect(ballotPosts).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("should say a ballot is waiting for the public log, then that it is in it", async () => {
    const { page, problems } = citizen;
    await page.goto(`${stack.apiUrl}/vote/${referendumId}/`);
    await page.getByLabel("Yes", { exact: true }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Cast my vote" }).click();
    await page.getByRole("heading", { name: "Your vote was received" }).waitFor({ timeout: PROOF_MS });
    await page.getByRole("link", { name: "See your receipt" }).click();
    await page.getByRole("heading", { level: 1, name: "Your receipt" }).waitFor();
    await page.getByText("Your ballot is waiting to be added to the public log.").waitFor();
    await page.getByText("The service's signed promise on this receipt is valid").waitFor();
    await checkBothLanguages(page, "receipt-queued");
    // Still waiting after the page has polled again: only the sequencer puts it in the log.
    await page.waitForTimeout(3500);
    await page.getByText("Your ballot is waiting to be added to the public log.").waitFor({ timeout: 1000 });

    await stack.tick();
    await page.getByText(/Your ballot is in the public log \(position 1 of 1\)/).waitFor({ timeout: 30_000 });
    await expect(page.getByText("Your ballot is waiting to be added to the public log.").count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  it("should say the service cannot be reached while voting", async () => {
    const { page, problems } = citizen;
    await page.goto(`${stack.apiUrl}/vote/${referendumId}/`);
    await page.getByRole("heading", { level: 1, name: "Longer library hours" }).waitFor();
    await page.getByLabel("No", { exact: true }).check();
    const ballotPosts: string[] = [];
    await page.route("**/v1/**", async (route) => {
      if (route.request().method() === "POST") ballotPosts.push(route.request().url());
      await route.abort();
    });
    try {
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("button", { name: "Cast my vote" }).click();
      await page.getByText("The service could not be reached. Check your connection and try again.").waitFor();
      await checkBothLanguages(page, "vote-network");
    } finally {
      await page.unrouteAll();
    }
    expect(ballotPosts).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("should say the service cannot be reached while registering, and register once it can", async () => {
    const { page, problems } = await watchedPage(await newContext());
    await fillRegistration(page, stack.apiUrl, censusId, codes[2] ?? "");
    await page.route("**/v1/**", (route) => route.abort());
    try {
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByText("The service could not be reached. Check your connection and try again.").waitFor();
      await checkBothLanguages(page, "register-network");
    } finally {
      await page.unrouteAll();
    }
    await page.getByRole("button", { name: "Continue" }).click();
    await finishRegistration(page);
    expect(problems).toEqual([]);
    await page.close();
  });
});
