/**
 * Keyboard only (WCAG 2.1.1, 2.4.7): a council signs in and creates a census, a citizen registers
 * and votes, with Tab, Shift+Tab, Enter and Space alone; every control reached shows a visible focus
 * indicator. No mouse event is sent.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { releaseProverThreads } from "../../protocol";
import type { LocalStack } from "../../local/stack";
import { councilApi } from "../../web/lib/api-client";
import { launchChromium, startSiteStack, watchedPage } from "../fixtures/browser";

const PROOF_MS = 120_000;
const MAX_TABS = 60;

/** Presses Tab until `target` has the focus; fails if it is never reached or shows no focus ring. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press("Tab");
    if (await handle.evaluate((element) => element === document.activeElement)) {
      const outline = await handle.evaluate((element) => getComputedStyle(element).outlineStyle);
      expect(outline).not.toBe("none");
      return;
    }
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

describe("# keyboard only", () => {
  let stack: LocalStack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startSiteStack(), launchChromium()]);
  });

  afterAll(async () => {
    await browser.close();
    await stack.stop();
    await releaseProverThreads();
  });

  it("should let a council sign in and create a census with the keyboard alone", async () => {
    const context = await browser.newContext({ locale: "en-GB" });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${stack.apiUrl}/council/`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await tabTo(page, page.getByLabel("Council token"));
    await page.keyboard.type(await stack.councilToken("keyboard-council"));
    await page.keyboard.press("Enter");
    const name = page.getByLabel("Name of the electorate");
    await name.waitFor();
    await tabTo(page, name);
    await page.keyboard.type("Keyboardville");
    await tabTo(page, page.getByRole("button", { name: "Create electorate" }));
    await page.keyboard.press("Enter");
    await page.getByRole("link", { name: "Manage electorate “Keyboardville”" }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("should let a citizen register, vote and open the receipt with the keyboard alone", async () => {
    const council = councilApi({ baseUrl: stack.apiUrl, token: await stack.councilToken("keyboard-council") });
    const census = await council.createCensus("Tabton");
    const [code] = (await council.issueCodes(census.id, 1)).trim().split("\n").slice(1);
    const now = Math.floor(Date.now() / 1000);
    const draft = await council.createDraft({
      title: "Keyboard question",
      description: "",
      options: ["Yes", "No"],
      rules: { preset: "yes-no" },
      revoting: false,
      censusId: census.id,
      opensAt: now - 60,
      closesAt: now + 3600,
    });

    const context = await browser.newContext({ locale: "en-GB" });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${stack.apiUrl}/register/?census=${census.id}`);
    await page.getByRole("heading", { level: 1, name: "Register to vote" }).waitFor();
    await tabTo(page, page.getByLabel("Registration code"));
    await page.keyboard.type(code ?? "");
    await tabTo(page, page.getByRole("button", { name: "Continue" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Save your recovery code" }).waitFor();
    await tabTo(page, page.getByLabel("I have saved my recovery code"));
    await page.keyboard.press("Space");
    await tabTo(page, page.getByRole("button", { name: "Finish" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "You are registered" }).waitFor();

    await council.open(draft.id);
    await page.goto(`${stack.apiUrl}/vote/${draft.id}/`);
    await page.getByRole("heading", { level: 1, name: "Keyboard question" }).waitFor();
    await tabTo(page, page.getByLabel("Yes", { exact: true }));
    await page.keyboard.press("Space");
    expect(await page.getByLabel("Yes", { exact: true }).isChecked()).toBe(true);
    await tabTo(page, page.getByRole("button", { name: "Continue" }));
    await page.keyboard.press("Enter");
    // The check step takes focus on its heading; the cast button follows.
    await page.getByRole("heading", { name: "Check your vote" }).waitFor();
    await tabTo(page, page.getByRole("button", { name: "Cast my vote" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Your vote was received" }).waitFor({ timeout: PROOF_MS });
    await tabTo(page, page.getByRole("link", { name: "See your receipt" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Your receipt" }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});
