/**
 * The site in every language it has (web/messages/define.ts LOCALES: a language added there is
 * covered here without a change). For each: a browser reading that language gets the site in it on
 * the first visit; a choice made in the menu survives a reload and beats the browser's language;
 * every page is axe clean and photographed (`lang-<locale>-<page>`); dates are in the language's
 * format. Then the language menu on a phone: all languages fit, and it works from the keyboard.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { loadArtifacts } from "../../protocol/artifacts.node";
import { releaseProverThreads } from "../../protocol/verify";
import type { PublicReferendum } from "../../functions/api/views";
import { seedDemo } from "../../local/seed-demo";
import { LOCALES, LOCALE_NAMES, MESSAGES, type Locale } from "../../web/messages";
import { apiClient, councilCensus, expectStatus, openYesNo, proveFromApi, submitBallot } from "../fixtures/api-client";
import { identityFromSeed } from "../fixtures/ballot-fixtures";
import {
  axeViolations,
  chooseLanguage,
  launchChromium,
  screenshot,
  startSiteStack,
  watchedPage,
} from "../fixtures/browser";
import type { TestStack } from "../fixtures/test-stack";

const HOUR_MS = 3_600_000;
const VOTING_SECONDS = 600;
const TIME_ZONE = "Europe/Amsterdam";
/** The country a language's browser tag names, as a reader's browser sends it ("nb-NO"). */
const REGION: Record<string, string> = { en: "GB", nl: "NL", de: "DE", da: "DK", sv: "SE", nb: "NO" };
const browserTag = (locale: Locale): string => (REGION[locale] ? `${locale}-${REGION[locale]}` : locale);

let stack: TestStack;
let browser: Browser;
let openId: string;
let talliedId: string;
let openSpec: PublicReferendum["spec"];

beforeAll(async () => {
  const [started, launched, artifacts] = await Promise.all([
    startSiteStack({ sequencerIntervalMs: HOUR_MS, anchorIntervalMs: HOUR_MS }),
    launchChromium(),
    loadArtifacts(),
  ]);
  [stack, browser] = [started, launched];
  const seed = await seedDemo(stack.deps);
  if (seed === null) throw new Error("the demo was already seeded");
  openId = seed.referendumId;
  const api = apiClient(stack.apiUrl);
  const token = await stack.councilToken("council-web-languages");
  const voter = identityFromSeed("web-languages-voter");
  const { censusId } = await councilCensus(api, token, [voter]);
  talliedId = await openYesNo(api, token, censusId, "Should the harbour get a ferry?", {
    opensAt: Math.floor(stack.now() / 1000),
    seconds: VOTING_SECONDS,
  });
  await stack.tick();
  expectStatus(await submitBallot(api, talliedId, await proveFromApi(api, talliedId, voter, [1, 0], artifacts)), 202);
  await stack.tick();
  await stack.advance(VOTING_SECONDS + 5);
  await stack.tick();
  expectStatus(await api("POST", `/v1/council/referenda/${talliedId}/tally`, { token }), 200);
  for (let i = 0; i < 5; i++) {
    await stack.tick();
    const record = expectStatus(await api<{ anchors: { tallied: boolean } }>("GET", `/v1/referenda/${talliedId}`), 200);
    if (record.anchors.tallied) break;
  }
  openSpec = expectStatus(await api<PublicReferendum>("GET", `/v1/referenda/${openId}`), 200).spec;
}, 300_000);

afterAll(async () => {
  await browser.close();
  await stack.stop();
  await releaseProverThreads();
});

/** Every page of the site, by the name its screenshot gets. */
function sitePages(): [string, string][] {
  return [
    ["home", "/"],
    ["register", "/register/"],
    ["identity", "/identity/"],
    ["vote", `/vote/${openId}/`],
    ["receipt", "/receipt/"],
    ["verify-list", "/verify/"],
    ["verify-report", `/verify/${talliedId}/`],
    ["council-sign-in", "/council/"],
    ["trustee", "/trustee/"],
    ["about", "/about/"],
    ["privacy", "/privacy/"],
    ["accessibility", "/accessibility/"],
    ["not-found", "/no-such-page/"],
  ];
}

/** The page rendered in `locale`: its language set, the header's words in it, a main heading shown. */
async function renderedIn(page: Page, locale: Locale): Promise<void> {
  await page.locator(`html[lang="${locale}"]`).waitFor();
  await page.locator("header").getByText(MESSAGES[locale]["site.tagline"], { exact: true }).waitFor();
  await page.getByRole("heading", { level: 1 }).first().waitFor();
}

function browserContext(locale: Locale, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  return browser.newContext({ locale: browserTag(locale), timezoneId: TIME_ZONE, viewport });
}

describe.each(LOCALES.map((locale) => [locale, LOCALE_NAMES[locale]] as const))("# the site in %s (%s)", (locale) => {
  it("should greet a browser reading it in it, keep a chosen language, and pass axe on every page", async () => {
    const context = await browserContext(locale);
    const { page, problems } = await watchedPage(context, [/HTTP 404 \/no-such-page\//]);
    await page.goto(`${stack.apiUrl}/`);
    await renderedIn(page, locale);

    // A date in the language's own format (the time in the reader's time zone).
    const closes = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE });
    const card = page.locator(".card", { hasText: openSpec.title });
    await card
      .getByText(MESSAGES[locale]["home.closes"].replace("{date}", closes.format(openSpec.closesAt * 1000)))
      .waitFor();

    // The reader's own choice beats the browser's language, after a reload too.
    const other = LOCALES.find((code) => code !== locale) ?? locale;
    await chooseLanguage(page, LOCALE_NAMES[other]);
    await page.reload();
    await renderedIn(page, other);
    await chooseLanguage(page, LOCALE_NAMES[locale]);

    for (const [name, path] of sitePages()) {
      await page.goto(`${stack.apiUrl}${path}`);
      await renderedIn(page, locale);
      await page.waitForLoadState("networkidle");
      expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
      await screenshot(page, `lang-${locale}-${name}`);
    }
    expect(problems).toEqual([]);
    await context.close();
    // Thirteen pages with axe each, on a shared two-core machine.
  }, 300_000);
});

describe("# the language menu on a phone", () => {
  it("should hold every language in a small header and work from the keyboard", async () => {
    const [first] = LOCALES;
    const context = await browserContext(first, { width: 390, height: 844 });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${stack.apiUrl}/`);
    await renderedIn(page, first);
    const header = page.locator("header");
    const closed = await header.boundingBox();
    // Brand, navigation and a one-button menu: no taller than a third of the screen.
    expect(closed?.height).toBeLessThan(844 / 3);
    const menu = page.locator("header details.language-menu");
    const summary = menu.locator("summary");
    expect(await summary.textContent()).toContain(MESSAGES[first]["site.language"]);
    await summary.focus();
    await page.keyboard.press("Enter");
    for (const locale of LOCALES) {
      const button = menu.getByRole("button", { name: LOCALE_NAMES[locale], exact: true });
      expect(await button.getAttribute("lang")).toBe(locale);
      const box = await button.boundingBox();
      // Each language visible on the screen, none cut off at its edge.
      expect(box !== null && box.x >= 0 && box.x + box.width <= 390 && box.y + box.height <= 844).toBe(true);
    }
    expect(await header.boundingBox()).toEqual(closed);
    await screenshot(page, "lang-menu-phone");
    expect(await axeViolations(page)).toEqual([]);
    // Tab to the last language and choose it with the keyboard; the menu closes, focus stays on it.
    const last = LOCALES[LOCALES.length - 1] ?? first;
    for (let i = 0; i < LOCALES.length; i++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("lang"))).toBe(last);
    await page.keyboard.press("Enter");
    await renderedIn(page, last);
    expect(await menu.getAttribute("open")).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SUMMARY");
    expect(problems).toEqual([]);
    await context.close();
  });
});
