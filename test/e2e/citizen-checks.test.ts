/**
 * The citizen pages without dead ends (issue 18, items 1–5 and 7), in real Chromium against the
 * real local stack: the letter's code checked before the recovery code, recovery codes that refuse
 * a typo and warn before replacing a key, membership said before any ballot, a "check your vote"
 * step, the proving files downloaded once, and no ballot after the closing time.
 * Every new page state passes axe in English and Dutch and is screenshotted in both.
 */
import { mailMergeCsv } from "../../web/components/council/csv";
import type { Browser, BrowserContext, Page, Response } from "playwright-core";
import type { LocalStack } from "../../local/stack";
import { createIdentity, exportIdentity, exportRecoveryCode, importIdentity } from "../../protocol/identity";
import type { ReferendumDraft } from "../../functions/api/schemas";
import { councilApi, publicApi, type CouncilApi } from "../../web/lib/api-client";
import { launchChromium, startSiteStack, watchedPage, type WatchedPage } from "../fixtures/browser";
import { checkBothLanguages } from "../fixtures/citizen-flows";

const PROOF_MS = 180_000;
const GROUPED = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){13}$/;
const ARTIFACT_FILE = /\/artifacts\/[^/]+\/[^/]+\.(wasm|zkey)$/;
// 409 for the used code this test tries on purpose.
const REFUSALS = [/HTTP 409 \/v1\/censuses\/[^/]+\/registrations/];

/** Every text a status line showed, in order (kept across the page's navigations by an init script). */
async function recordStatusLines(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { statusLines: string[] }).statusLines = log;
    new MutationObserver(() => {
      for (const element of Array.from(document.querySelectorAll('[role="status"]'))) {
        const text = element.textContent.trim();
        if (text && !log.includes(text)) log.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

function statusLines(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { statusLines: string[] }).statusLines);
}

describe("# citizen pages: checks before acting", () => {
  let stack: LocalStack;
  let browser: Browser;
  let council: CouncilApi;
  let censusId: string;
  let codes: string[];
  let recoveryCode: string;
  const ids = { early: "", main: "" };
  const contexts: BrowserContext[] = [];
  let citizen: WatchedPage;

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: "en-GB" });
    contexts.push(context);
    return context;
  }

  async function draft(title: string, rules: ReferendumDraft["rules"], revoting: boolean, closesIn: number) {
    const now = Math.floor(Date.now() / 1000);
    const created = await council.createDraft({
      title,
      description: `${title}: a question to the residents of Controledorp.`,
      options: ["Yes", "No"],
      rules,
      revoting,
      censusId,
      opensAt: now - 60,
      closesAt: now + closesIn,
    });
    return created.id;
  }

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startSiteStack(), launchChromium()]);
    council = councilApi({ baseUrl: stack.apiUrl, token: await stack.councilToken("council-citizen-checks") });
    censusId = (await council.createCensus("Controledorp")).id;
    codes = (await council.issueCodes(censusId, 3)).trim().split("\n").slice(1);
    // A neighbour registered from elsewhere; then a referendum opens, freezing the electorate without our citizen.
    await publicApi({ baseUrl: stack.apiUrl }).register(censusId, codes[2] ?? "", String(createIdentity().commitment));
    ids.early = await draft("Early question", { preset: "yes-no" }, false, 7 * 24 * 3600);
    await council.open(ids.early);
    citizen = await watchedPage(await newContext(), REFUSALS);
    await recordStatusLines(citizen.page);
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
    await stack.stop();
  });

  it("should check the letter's code before showing a recovery code, then offer a printable grouped code", async () => {
    const { page, problems } = citizen;
    await page.goto(`${stack.apiUrl}/register/?census=${encodeURIComponent(censusId)}`);
    await page.getByRole("heading", { level: 1, name: "Register to vote" }).waitFor();
    await page.getByTestId("electorate").waitFor();
    // Not a code as printed on the letters: said at once, nothing sent.
    await page.getByLabel("Registration code").fill("12345");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("This is not a registration code as printed on the letters").waitFor();
    // The neighbour's code, used already: said on the form, before any recovery code.
    await page.getByLabel("Registration code").fill(codes[2] ?? "");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("This registration code has already been used. Each code works once.").waitFor();
    await expect(page.getByRole("heading", { name: "Save your recovery code" }).count()).resolves.toBe(0);
    await checkBothLanguages(page, "checks-register-code-used");

    // The personal link of the council's mail merge: the code comes in the fragment, is filled in,
    // and leaves the address bar (and so the history).
    const link = mailMergeCsv(stack.apiUrl, censusId, [codes[0] ?? ""])
      .split("\r\n")[1]!
      .split(",")[1]!;
    // A fresh load, as from the letter: from the same page, a new fragment alone would not reload it.
    await page.goto("about:blank");
    await page.goto(link);
    await page.waitForFunction((code) => document.querySelector<HTMLInputElement>("#code")?.value === code, codes[0]);
    expect(new URL(page.url()).hash).toBe("");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: "Save your recovery code" }).waitFor();
    await page.getByText("Your registration code was accepted").waitFor();
    recoveryCode = (await page.getByTestId("recovery-code").innerText()).trim();
    expect(recoveryCode).toMatch(GROUPED);
    // Printed, the page shows the code and what it is, and nothing else.
    await page.getByRole("button", { name: "Print" }).waitFor();
    await page.emulateMedia({ media: "print" });
    const visibility = (selector: string): Promise<string> =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => getComputedStyle(element).visibility);
    await expect(visibility("h1")).resolves.toBe("hidden");
    await expect(visibility("[data-testid=recovery-code]")).resolves.toBe("visible");
    await expect(page.getByRole("button", { name: "Print" }).isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: "screen" });
    await checkBothLanguages(page, "checks-register-save");
    await page.getByLabel("I have saved my recovery code").check();
    await page.getByRole("button", { name: "Finish" }).click();
    await page.getByRole("heading", { name: "You are registered" }).waitFor();
    expect(problems).toEqual([]);
  }, 300_000);

  it("should say before any ballot that a key registered after the opening cannot vote, with what to do", async () => {
    const { page, problems } = citizen;
    const artifacts: string[] = [];
    const note = (response: Response): void => {
      if (ARTIFACT_FILE.test(new URL(response.url()).pathname)) artifacts.push(response.url());
    };
    page.on("response", note);
    await page.goto(`${stack.apiUrl}/vote/${ids.early}/`);
    await page.getByRole("heading", { level: 1, name: "Early question" }).waitFor();
    await page.getByText("You cannot vote in this referendum with the voting key on this device.").waitFor();
    await expect(page.getByRole("button", { name: "Continue" }).count()).resolves.toBe(0);
    await expect(page.getByLabel("Yes", { exact: true }).count()).resolves.toBe(0);
    const restore = await page.getByRole("link", { name: "Restore my voting key" }).getAttribute("href");
    expect(restore).toBe(`/identity/?from=${encodeURIComponent(`/vote/${ids.early}/`)}#restore`);
    await checkBothLanguages(page, "checks-not-in-electorate");
    page.off("response", note);
    expect(artifacts).toEqual([]);
    expect(problems).toEqual([]);
  }, 300_000);

  it("should refuse a recovery code with a typo, warn before replacing a key, and lead back after restoring", async () => {
    ids.main = await draft("New cycle bridge", { preset: "yes-no" }, true, 7 * 24 * 3600);
    await council.open(ids.main);
    const { page, problems } = citizen;
    await page.goto(`${stack.apiUrl}/vote/${ids.early}/`);
    await page.getByRole("link", { name: "Restore my voting key" }).click();
    await page.getByRole("heading", { name: "Restore from a recovery code" }).waitFor();
    const fingerprint = await page.getByText("Fingerprint of your voting key").innerText();
    // The key's own code knows where it can vote: the referendum opened after it was registered.
    await page.getByRole("link", { name: "New cycle bridge" }).waitFor();

    const recovery = page.getByRole("textbox", { name: "Recovery code" });
    const typo = (recoveryCode.startsWith("2") ? "3" : "2") + recoveryCode.slice(1);
    await recovery.fill(typo);
    await page.getByRole("button", { name: "Restore voting key" }).click();
    await page.getByText("This recovery code has a typing error").waitFor();
    await checkBothLanguages(page, "checks-restore-typo");

    // Another key's code: a warning first, and Cancel keeps this device's key.
    await recovery.fill(exportRecoveryCode(createIdentity()));
    await page.getByRole("button", { name: "Restore voting key" }).click();
    await page.getByText("This device already has a different voting key").waitFor();
    await checkBothLanguages(page, "checks-restore-replace-warning");
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByText("Fingerprint of your voting key").innerText()).resolves.toBe(fingerprint);

    // The first (base64) form of the same key still restores, without a warning, and leads back.
    await recovery.fill(exportIdentity(importIdentity(recoveryCode)));
    await page.getByRole("button", { name: "Restore voting key" }).click();
    await page.getByText("Your voting key is restored on this device.").waitFor();
    await expect(page.getByText("Fingerprint of your voting key").innerText()).resolves.toBe(fingerprint);
    await checkBothLanguages(page, "checks-restored");
    await page.getByRole("link", { name: "Go back to the page you came from" }).click();
    await page.getByRole("heading", { level: 1, name: "Early question" }).waitFor();
    expect(problems).toEqual([]);
  }, 300_000);

  it("should show the choice in words before casting, and download the voting software only once", async () => {
    const { page, problems } = citizen;
    const artifacts: { url: string; cacheControl: string | undefined }[] = [];
    const note = (response: Response): void => {
      if (ARTIFACT_FILE.test(new URL(response.url()).pathname))
        artifacts.push({ url: response.url(), cacheControl: response.headers()["cache-control"] });
    };
    page.on("response", note);
    await page.goto(`${stack.apiUrl}/vote/${ids.main}/`);
    await page.getByRole("heading", { level: 1, name: "New cycle bridge" }).waitFor();
    await page.getByLabel("Yes", { exact: true }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    const check = page.getByTestId("check-choice");
    await page.getByRole("heading", { name: "Check your vote" }).waitFor();
    await expect(check.getByRole("listitem").allInnerTexts()).resolves.toEqual(["Yes"]);
    await checkBothLanguages(page, "checks-check-vote");
    // Back to the form as it was; another choice; checked again.
    await page.getByRole("button", { name: "Change my vote" }).click();
    expect(await page.getByLabel("Yes", { exact: true }).isChecked()).toBe(true);
    await page.getByLabel("No", { exact: true }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(check.getByRole("listitem").allInnerTexts()).resolves.toEqual(["No"]);
    await page.getByRole("button", { name: "Cast my vote" }).click();
    await page.getByRole("heading", { name: "Your vote was received" }).waitFor({ timeout: PROOF_MS });
    expect(artifacts.length).toBe(2);
    for (const { url, cacheControl } of artifacts) {
      expect(url).toMatch(/\?sha256=[0-9a-f]{64}$/);
      expect(cacheControl).toBe("public, max-age=31536000, immutable");
    }
    // "Checked" is said only after the download, never while it runs.
    const first = await statusLines(page);
    const downloading = first.findIndex((line) => line.startsWith("Downloading the voting software"));
    const checked = first.findIndex((line) => line.includes("matches its published fingerprint"));
    expect(downloading).toBeGreaterThanOrEqual(0);
    expect(checked).toBeGreaterThan(downloading);
    expect(first.filter((line) => line.startsWith("Downloading the voting software") && /check/i.test(line))).toEqual(
      [],
    );

    // The re-vote, on a new page load: no artifact is downloaded again.
    artifacts.length = 0;
    await page.goto(`${stack.apiUrl}/vote/${ids.main}/`);
    await page.getByText(/You have voted\. You may change your vote/).waitFor();
    await page.getByLabel("Yes", { exact: true }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Cast my vote" }).click();
    await page.getByRole("heading", { name: "Your vote was received" }).waitFor({ timeout: PROOF_MS });
    page.off("response", note);
    expect(artifacts).toEqual([]);
    const second = await statusLines(page);
    expect(second.some((line) => line.includes("kept from an earlier visit"))).toBe(true);
    expect(second.some((line) => line.startsWith("Downloading the voting software"))).toBe(false);

    // The receipt in plain words; the hashes and the tree head only behind "Technical details".
    await page.getByRole("link", { name: "See your receipt" }).click();
    await page.getByText("You need to do nothing else.").first().waitFor();
    await stack.tick();
    await page.getByText(/Your ballot is in the public log \(position \d+ of \d+\)/).waitFor({ timeout: 30_000 });
    const main = await page.evaluate(() => {
      const copy = document.querySelector("main")?.cloneNode(true) as HTMLElement;
      for (const details of Array.from(copy.querySelectorAll("details"))) details.remove();
      return copy.innerText || copy.textContent;
    });
    expect(main).not.toMatch(/signed tree head|hash/i);
    await page.getByText("Technical details").click();
    await page.getByText(/checked against the signed tree head of size \d+/).waitFor();
    await checkBothLanguages(page, "checks-receipt-details");
    expect(problems).toEqual([]);
  }, 600_000);

  it("should paint a Dutch reader's first view in Dutch, and say without scripts that they are needed", async () => {
    const dutch = await browser.newContext({ locale: "nl-NL" });
    contexts.push(dutch);
    const { page, problems } = await watchedPage(dutch);
    // The site's scripts arrive late, as on a slow phone: the English build must not show meanwhile.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Only the scripts: a held stylesheet would rightly hold the head's script too (scripts wait for CSS).
    await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    // Scripts held, the page never finishes loading: what matters is the head's script, run as it is parsed.
    await page.goto(`${stack.apiUrl}/`, { waitUntil: "commit" });
    await page.waitForFunction(() => document.documentElement.lang !== "en");
    const root = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      visibility: getComputedStyle(document.documentElement).visibility,
    }));
    expect(root).toEqual({ lang: "nl", visibility: "hidden" });
    release();
    await page.getByRole("heading", { level: 1, name: "Referenda" }).waitFor();
    await page.getByText("Open voor stemmen").first().waitFor();
    await expect(page.evaluate(() => getComputedStyle(document.documentElement).visibility)).resolves.toBe("visible");
    await page.unrouteAll();
    expect(problems).toEqual([]);

    // Chromium with scripts turned off by the driver still parses <noscript> as text, so read the page as served.
    const html = await (await fetch(`${stack.apiUrl}/`)).text();
    expect(html).toMatch(/<noscript>.*This site needs JavaScript.*Deze site heeft JavaScript nodig.*<\/noscript>/s);
  }, 300_000);

  it("should stop offering the ballot at the closing time, and say closed with a link to the result", async () => {
    const closing = await draft("Closing soon", { preset: "yes-no" }, false, 75);
    await council.open(closing);
    const { page, problems } = citizen;
    await page.goto(`${stack.apiUrl}/vote/${closing}/`);
    await page.getByRole("heading", { level: 1, name: "Closing soon" }).waitFor();
    await page.getByRole("button", { name: "Continue" }).waitFor();
    // The page was loaded while open: at the close it takes the ballot away by itself.
    await page.getByText("Voting has closed.").waitFor({ timeout: 150_000 });
    await expect(page.getByRole("button", { name: "Continue" }).count()).resolves.toBe(0);
    await expect(page.getByLabel("Yes", { exact: true }).count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: "See and check the result" }).getAttribute("href")).resolves.toBe(
      `/verify/${encodeURIComponent(closing)}/`,
    );
    await checkBothLanguages(page, "checks-vote-closed");

    await page.goto(`${stack.apiUrl}/`);
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Closing soon" }) });
    await card.getByText("Closed", { exact: true }).waitFor();
    await expect(card.getByRole("link", { name: /^Vote on/ }).count()).resolves.toBe(0);
    await card.getByRole("link", { name: "Verify “Closing soon”" }).waitFor();
    await checkBothLanguages(page, "checks-home-closed");
    expect(problems).toEqual([]);
  }, 300_000);
});
