/**
 * The site shell in real Chromium against the local stack: pages load under the strict CSP with no
 * script errors, the language switch works and is remembered, ids in paths reach their page.
 */
import { get } from "node:http";
import type { Browser, BrowserContext } from "playwright-core";
import { siteConfigSchema } from "../../web/lib/site-config";
import type { LocalStack } from "../../local/stack";
import { seedDemo } from "../../local/seed-demo";
import { LOCAL_MUNICIPALITY } from "../../local/stack";
import {
  axeViolations,
  chooseLanguage,
  launchChromium,
  screenshot,
  startSiteStack,
  watchedPage,
} from "../fixtures/browser";

describe("# site shell", () => {
  let stack: LocalStack;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startSiteStack(), launchChromium()]);
    context = await browser.newContext({ locale: "en-GB" });
  });

  afterAll(async () => {
    await browser.close();
    await stack.stop();
  });

  it("should serve the home page under the CSP with no errors, in English then Dutch", async () => {
    const { page, problems } = await watchedPage(context);
    const response = await page.goto(`${stack.apiUrl}/`);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self' 'wasm-unsafe-eval'");
    await page.getByRole("heading", { level: 1, name: "Referenda" }).waitFor();
    await page.getByText("There are no referenda at the moment.").waitFor();
    await page.waitForFunction(() => document.title === "Referenda — BLING — Referenda of your municipality");
    await chooseLanguage(page, "Nederlands");
    await page.getByText("Er zijn op dit moment geen referenda.").waitFor();
    await page.waitForFunction(() => document.title === "Referenda — BLING — Referenda van uw gemeente");
    await page.reload();
    await page.getByText("Er zijn op dit moment geen referenda.").waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it("should show the text-only pages' text without JavaScript, and elsewhere say that JavaScript is needed", async () => {
    const noScript = await browser.newContext({ locale: "en-GB", javaScriptEnabled: false });
    const page = await noScript.newPage();
    const pages = [
      // The start page's list of referenda is read by its script (and says it is loading); its guidance is text.
      { path: "/", heading: "Referenda", text: "How voting works", loading: 1 },
      { path: "/about/", heading: "About and contact", text: "Contact" },
      { path: "/privacy/", heading: "Privacy statement", text: "What stays on your device" },
      { path: "/accessibility/", heading: "Accessibility statement", text: "Compliance status" },
      { path: "/no-such-page/", heading: "This page does not exist.", text: "Go to the list of referenda" },
    ];
    for (const { path, heading, text, loading = 0 } of pages) {
      await page.goto(`${stack.apiUrl}${path}`);
      const main = page.getByRole("main");
      expect([path, await main.getByRole("heading", { level: 1 }).textContent()]).toEqual([path, heading]);
      expect([path, await main.getByText(text, { exact: true }).count()]).toEqual([path, 1]);
      expect([path, await main.getByText("Loading…").count()]).toEqual([path, loading]);
    }
    // A page that needs its scripts (keys, proofs) says so instead of offering a form that does nothing.
    await page.goto(`${stack.apiUrl}/register/`);
    await page.getByText(/^This site needs JavaScript/).waitFor();
    expect(await page.getByRole("main").getByRole("button").count()).toBe(0);
    await noScript.close();
  });

  it("should answer a path with an id with its section's page, and an unknown path with 404", async () => {
    const { page } = await watchedPage(context);
    const known = await page.goto(`${stack.apiUrl}/verify/123/`);
    expect(known?.status()).toBe(200);
    const missing = await page.goto(`${stack.apiUrl}/no-such-page/`);
    expect(missing?.status()).toBe(404);
    await page.close();
  });

  it("should answer /config.json for this stack, refuse writes and never serve files outside the site", async () => {
    const config = (await (await fetch(`${stack.apiUrl}/config.json`)).json()) as Record<string, unknown>;
    expect(siteConfigSchema.parse(config)).toMatchObject({
      apiUrl: stack.apiUrl,
      chainRpcUrl: stack.rpcUrl,
      registryAddress: stack.deployment.registry,
      stage: "local",
      auth: { signInUrl: "" },
    });
    expect((await fetch(`${stack.apiUrl}/`, { method: "POST" })).status).toBe(405);
    const escape = await new Promise<number>((resolve, reject) => {
      // fetch would normalise the dots away; a raw request sends them as a client might.
      const url = new URL(stack.apiUrl);
      get({ host: url.hostname, port: url.port, path: "/..%2f..%2fpackage.json" }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      }).on("error", reject);
    });
    expect(escape).toBe(404);
  });

  it("should list published referenda with their state and turnout, and pass axe on every shell page in both languages", async () => {
    const seed = await seedDemo(stack.deps);
    await stack.tick();
    const { page, problems } = await watchedPage(context, [/HTTP 404 \/no-such-page\//]);
    for (const language of ["English", "Nederlands"] as const) {
      const lang = language === "English" ? "en" : "nl";
      await page.goto(`${stack.apiUrl}/`);
      await chooseLanguage(page, language);
      const card = page.locator(".card", { hasText: "Should the town square be car-free on Sundays?" });
      await card.getByRole("link", { name: lang === "en" ? /^Vote on/ : /^Stem over/ }).waitFor();
      expect(await card.getByRole("link").first().getAttribute("href")).toBe(`/vote/${seed?.referendumId}/`);
      await card
        .getByText(lang === "en" ? "0 of 3 residents have voted" : "0 van de 3 inwoners hebben gestemd")
        .waitFor();
      await card.getByText(lang === "en" ? "Electorate: Demo town" : "Kiezersregister: Demo town").waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `home-${lang}`);
      await page.goto(`${stack.apiUrl}/no-such-page/`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `not-found-${lang}`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
  it("should guide residents on the start page and link the statements a municipality must publish, named from the site config", async () => {
    const { page, problems } = await watchedPage(context);
    const config = siteConfigSchema.parse(await (await fetch(`${stack.apiUrl}/config.json`)).json());
    expect(config.municipality).toEqual(LOCAL_MUNICIPALITY);
    await page.goto(`${stack.apiUrl}/`);
    // The test before leaves the context in Dutch (the choice is remembered).
    await chooseLanguage(page, "English");
    for (const heading of ["How voting works", "What you need", "Who runs this", "Help"])
      await page.getByRole("heading", { level: 2, name: heading }).waitFor();
    await page.getByText(`${LOCAL_MUNICIPALITY.name} asks its residents these questions.`).waitFor();
    expect(await page.getByRole("link", { name: LOCAL_MUNICIPALITY.email }).getAttribute("href")).toBe(
      `mailto:${LOCAL_MUNICIPALITY.email}`,
    );
    const footer = page.getByRole("navigation", { name: "About this site" });
    const pages = [
      { link: "About and contact", path: "/about/", nl: "Over ons en contact" },
      { link: "Privacy statement", path: "/privacy/", nl: "Privacyverklaring" },
      { link: "Accessibility statement", path: "/accessibility/", nl: "Toegankelijkheidsverklaring" },
    ];
    for (const { link, path, nl } of pages) {
      expect(await footer.getByRole("link", { name: link }).getAttribute("href")).toBe(path);
      const response = await page.goto(`${stack.apiUrl}${path}`);
      expect(response?.status()).toBe(200);
      await page.getByRole("heading", { level: 1, name: link }).waitFor();
      await page.getByRole("main").getByText(LOCAL_MUNICIPALITY.name, { exact: false }).first().waitFor();
      await page.getByRole("main").getByRole("link", { name: LOCAL_MUNICIPALITY.email }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `${path.replaceAll("/", "")}-en`);
      await chooseLanguage(page, "Nederlands");
      await page.getByRole("heading", { level: 1, name: nl }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `${path.replaceAll("/", "")}-nl`);
      await chooseLanguage(page, "English");
    }
    await page.goto(`${stack.apiUrl}/accessibility/`);
    await page.getByText("WCAG 2.1 level AA").waitFor();
    await page.getByText(`This service is run by ${LOCAL_MUNICIPALITY.name}.`).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });
});
