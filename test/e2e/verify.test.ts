/**
 * The observer's verify pages in real Chromium against the local stack: an honest, tallied
 * referendum (four ballots proven in node, one a re-vote) passes every check in the browser's Web
 * Worker with the API's counts; an open one is "not finished"; an unknown id, a service that
 * tampers with a ballot on its way and an unreachable chain each get their own message. Every state
 * is checked with axe and photographed in English and Dutch.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { loadArtifacts, type LoadedArtifacts } from "../../protocol/artifacts.node";
import { releaseProverThreads } from "../../protocol/verify";
import type { TallyResult } from "../../protocol/tally-rules";
import { signObject, type BallotPromise, type Receipt } from "../../protocol/log-objects";
import { ballotIdOf } from "../../functions/core/ballot-service";
import type { AuditEntry } from "../../audit/bundle";
import { shortReferendumId } from "../../web/components/verify/view";
import {
  apiClient,
  councilCensus,
  expectStatus,
  openYesNo,
  proveFromApi,
  submitBallot,
  type ApiCall,
} from "../fixtures/api-client";
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
/** Re-votes on the open referendum (each proved: a copy of a proof is the same ballot): OPEN_REVOTES + 1 proofs to verify. */
const OPEN_REVOTES = 19;
const voters = [0, 1, 2].map((i) => identityFromSeed(`web-verify-voter-${i}`));

let stack: TestStack;
let browser: Browser;
let context: BrowserContext;
let api: ApiCall;
let artifacts: LoadedArtifacts;
let tallied: string;
let open: string;

function createOpen(token: string, censusId: string, title: string, seconds: number): Promise<string> {
  return openYesNo(api, token, censusId, title, { opensAt: Math.floor(stack.now() / 1000), seconds });
}

async function vote(id: string, voter: number, votes: number[]): Promise<void> {
  expectStatus(await submitBallot(api, id, await proveFromApi(api, id, voters[voter]!, votes, artifacts)), 202);
}

beforeAll(async () => {
  [stack, browser, artifacts] = await Promise.all([
    startSiteStack({ sequencerIntervalMs: HOUR_MS, anchorIntervalMs: HOUR_MS }),
    launchChromium(),
    loadArtifacts(),
  ]);
  context = await browser.newContext({ locale: "en-GB" });
  api = apiClient(stack.apiUrl);
  const token = await stack.councilToken("council-web-verify");
  const { censusId } = await councilCensus(api, token, voters);
  tallied = await createOpen(token, censusId, "Should the square get trees?", VOTING_SECONDS);
  open = await createOpen(token, censusId, "Should the library open on Sundays?", 24 * 3600);
  await stack.tick();
  await vote(tallied, 0, [1, 0]);
  await vote(tallied, 1, [0, 1]);
  await stack.tick();
  await vote(tallied, 2, [1, 0]);
  // Voter 0 changes their mind: only this ballot counts.
  await vote(tallied, 0, [0, 1]);
  // The open referendum gets many ballots cheaply (re-randomised re-votes of one proof), enough to
  // measure the browser's proof verification over several batches.
  const sunday = await proveFromApi(api, open, voters[1]!, [1, 0], artifacts);
  expectStatus(await submitBallot(api, open, sunday), 202);
  for (let i = 1; i <= OPEN_REVOTES; i++) {
    const revote = await proveFromApi(api, open, voters[1]!, i % 2 ? [0, 1] : [1, 0], artifacts);
    expectStatus(await submitBallot(api, open, revote), 202);
  }
  await stack.tick();
  // It closes by itself; past the settle time the loop seals its log.
  await stack.advance(VOTING_SECONDS + 5);
  await stack.tick();
  expectStatus(await api("POST", `/v1/council/referenda/${tallied}/tally`, { token }), 200);
  for (let i = 0; i < 5; i++) {
    await stack.tick();
    const record = expectStatus(await api<{ anchors: { tallied: boolean } }>("GET", `/v1/referenda/${tallied}`), 200);
    if (record.anchors.tallied) break;
  }
}, 300_000);

afterAll(async () => {
  await browser.close();
  await stack.stop();
  await releaseProverThreads();
});

/** Both languages: no axe violations, a screenshot of each. */
async function checkBothLanguages(page: Page, state: string, waitFor: (page: Page) => Promise<void>): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `verify-${state}-en`);
  await chooseLanguage(page, "Nederlands");
  await waitFor(page);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `verify-${state}-nl`);
  await chooseLanguage(page, "English");
}

async function startVerification(page: Page, id: string): Promise<void> {
  await page.goto(`${stack.apiUrl}/verify/${id}/`);
  await page.getByRole("heading", { level: 1, name: /^Verify “/ }).waitFor();
  await page.getByRole("button", { name: "Start verification" }).click();
}

describe("# verify pages", () => {
  it("should explain verification and list every referendum with a link to its verification", async () => {
    const { page, problems } = await watchedPage(context);
    await page.goto(`${stack.apiUrl}/verify/`);
    await page.getByRole("heading", { level: 1, name: "Verify a referendum" }).waitFor();
    await page.getByRole("link", { name: "Verify “Should the square get trees?”" }).waitFor();
    const link = page.getByRole("link", { name: "Verify “Should the library open on Sundays?”" });
    expect(await link.getAttribute("href")).toBe(`/verify/${open}/`);
    // A 77-digit id is shown shortened on one line; the whole number is behind a disclosure.
    expect(open.length).toBeGreaterThan(20);
    const card = page.locator("li.card", { has: link });
    await card.getByText(`Referendum number ${shortReferendumId(open)}`, { exact: true }).waitFor();
    expect(await card.getByText(open, { exact: true }).isVisible()).toBe(false);
    await card.getByText("Show the full number").click();
    await card.getByText(open, { exact: true }).waitFor();
    await checkBothLanguages(page, "index", (p) =>
      p.getByRole("heading", { level: 1, name: "Een referendum controleren" }).waitFor(),
    );
    // The number form refuses what is not a number, then goes to the page.
    await page.getByLabel("Referendum number").fill("abc");
    await page.getByRole("button", { name: "Go to verification" }).click();
    await page.getByText("Enter a referendum number").waitFor();
    await page.getByLabel("Referendum number").fill(tallied);
    await page.getByRole("button", { name: "Go to verification" }).click();
    await page.waitForURL(`${stack.apiUrl}/verify/${tallied}/`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("should pass every check of an honest tallied referendum in the browser, with the API's counts", async () => {
    const { page, problems } = await watchedPage(context);
    const tally = expectStatus(await api<TallyResult>("GET", `/v1/referenda/${tallied}/tally`), 200);
    await startVerification(page, tallied);
    await page.locator(".verify-number", { hasText: `Referendum number ${shortReferendumId(tallied)} · ` }).waitFor();
    const verdict = page.locator("[data-verdict]");
    await verdict.waitFor({ timeout: 120_000 });
    expect(await verdict.getAttribute("data-verdict")).toBe("passed");
    expect(await verdict.getAttribute("role")).toBe("status");
    expect(await verdict.evaluate((node) => node === document.activeElement)).toBe(true);
    await page.getByRole("heading", { level: 2, name: "Verified: all 10 checks passed." }).waitFor();
    expect(await page.locator('li[data-check][data-result="pass"]').count()).toBe(10);
    // The local stack declares itself a test: the dev ceremony passes, and the page says why.
    await page
      .locator('li[data-check="ceremony"][data-result="pass"]')
      .getByText("Test deployment: the development ceremony is accepted.", { exact: false })
      .waitFor();
    expect(
      await page.locator('li[data-check][data-result="fail"], li[data-check][data-result="pending"]').count(),
    ).toBe(0);
    // The recount, as the table alternative states it, is the API's tally.
    const counts = await page.locator("table:has(caption) tbody tr td:nth-child(2)").allTextContents();
    expect(counts).toEqual(tally.counts.slice(0, 2));
    expect(tally.counts.slice(0, 2)).toEqual(["1", "2"]);
    await page.getByText("1 (33.3%)").waitFor();
    await page.getByText(`${tally.voters} of 3 residents voted (100%).`).waitFor();
    await page
      .getByText(`Ballots cast: ${tally.ballots}, of which re-votes that replaced an earlier ballot: 1.`)
      .waitFor();
    const speed = page.locator("[data-proofs]");
    const [proofs, ms] = [await speed.getAttribute("data-proofs"), await speed.getAttribute("data-ms")];
    expect(proofs).toBe("4");
    console.log(`browser proof verification (mcl batch, Web Worker): ${proofs} proofs in ${ms} ms`);
    await page.getByText(`--registry ${stack.deployment.registry} --referendum ${tallied}`).waitFor();
    await checkBothLanguages(page, "passed", (p) =>
      p.getByRole("heading", { level: 2, name: "Gecontroleerd: alle 10 controles zijn geslaagd." }).waitFor(),
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it("should show a tallied referendum's published result first, before any verification, then the audit", async () => {
    const { page, problems } = await watchedPage(context);
    await page.goto(`${stack.apiUrl}/verify/${tallied}/`);
    const published = page.locator("[data-published-result]");
    await published.getByRole("heading", { level: 2, name: "Published result" }).waitFor();
    await published.getByText("anchored it on the public blockchain").waitFor();
    await published.locator("table:has(caption) tbody tr td").first().waitFor();
    expect(await published.locator("table:has(caption) tbody tr td:nth-child(2)").allTextContents()).toEqual([
      "1",
      "2",
    ]);
    await published.getByText("3 of 3 residents voted (100%).").waitFor();
    // The result comes before the audit's heading and its button.
    const order = await page.evaluate(() =>
      Array.from(document.querySelectorAll("h2"), (heading) => heading.textContent),
    );
    expect(order.indexOf("Published result")).toBeLessThan(order.indexOf("Verification"));
    await checkBothLanguages(page, "published", (p) =>
      p.getByRole("heading", { level: 2, name: "Gepubliceerde uitslag" }).waitFor(),
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it("should say each check in plain words on a phone, raw figures behind a disclosure, nothing cut off", async () => {
    const phone = await browser.newContext({ locale: "nl-NL", viewport: { width: 390, height: 844 } });
    const { page, problems } = await watchedPage(phone);
    await page.goto(`${stack.apiUrl}/verify/${tallied}/`);
    await page.getByRole("button", { name: "Controle starten" }).click();
    await page.locator("[data-verdict]").waitFor({ timeout: 120_000 });
    const check = page.locator('li[data-check="tally"]');
    await check.getByText("Geen problemen gevonden.").waitFor();
    expect(await check.locator(".verify-summary").isVisible()).toBe(false);
    await check.getByText("Gecontroleerde cijfers").click();
    expect(await check.locator(".verify-summary").isVisible()).toBe(true);
    // Nothing wider than the phone: no sideways scrolling, no table cut off.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.locator(".verify-page table").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "verify-phone-nl");
    expect(problems).toEqual([]);
    await phone.close();
  });

  it("should offer a time-stamped report of what was checked against what, and the steps to verify independently", async () => {
    const { page, problems } = await watchedPage(context);
    await startVerification(page, tallied);
    await page.locator("[data-verdict]").waitFor({ timeout: 120_000 });
    await page.getByText(`Registry contract: ${stack.deployment.registry}`).waitFor();
    await page.getByText(/, at block \d+$/).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the report (JSON)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-\d+-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
    const report = JSON.parse(await readFile(await download.path(), "utf8")) as {
      type: string;
      checkedAt: string;
      software: { version: string };
      checkedAgainst: { api: string; chain: { rpc: string; block: number }; registry: { address: string } };
      verdict: string;
      checks: { id: string; result: string }[];
    };
    expect(report.type).toBe("bling.audit-report.v1");
    expect(Date.now() - Date.parse(report.checkedAt)).toBeLessThan(600_000);
    expect(report.software.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.checkedAgainst).toMatchObject({
      api: stack.apiUrl,
      chain: { rpc: stack.rpcUrl },
      registry: { address: stack.deployment.registry },
    });
    expect(report.checkedAgainst.chain.block).toBeGreaterThan(0);
    expect(report.verdict).toBe("passed");
    expect(report.checks.map((check) => check.result)).toEqual(Array(10).fill("pass"));
    await page.getByRole("button", { name: "Print the report" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Verify independently" }).waitFor();
    await page.getByText(`version ${report.software.version}`, { exact: false }).first().waitFor();
    await page.getByText("npm ci", { exact: true }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it("should hold dropped-in receipts against the log: a signed promise whose ballot the log lacks fails", async () => {
    const { page, problems } = await watchedPage(context);
    const { entries } = expectStatus(
      await api<{ entries: AuditEntry[] }>("GET", `/v1/referenda/${tallied}/log/entries?from=0&limit=10`),
      200,
    );
    const first = entries[0]!.entry;
    const honest = expectStatus(
      await api<Receipt>("GET", `/v1/referenda/${tallied}/ballots/${ballotIdOf(first.ballot.publicSignals)}`),
      200,
    );
    // What an operator who deleted an accepted ballot leaves behind: the voter's signed promise.
    const promise: BallotPromise = {
      type: "bling.promise.v1",
      referendumId: tallied,
      entryHash: "ab".repeat(32),
      receivedAt: first.receivedAt,
    };
    const signature = signObject(promise, (message) => stack.deps.signer.sign(message));
    const dir = await mkdtemp(join(tmpdir(), "bling-receipts-"));
    const files = [join(dir, "honest.json"), join(dir, "dropped.json")];
    await writeFile(files[0]!, JSON.stringify(honest));
    await writeFile(files[1]!, JSON.stringify({ ...promise, signature }));
    await page.goto(`${stack.apiUrl}/verify/${tallied}/`);
    await page.getByRole("heading", { level: 1, name: /^Verify “/ }).waitFor();
    await page.getByLabel("Receipts to check (optional)").setInputFiles(files);
    await page.getByText("2 will be checked.").waitFor();
    await page.getByRole("button", { name: "Start verification" }).click();
    const verdict = page.locator("[data-verdict]");
    await verdict.waitFor({ timeout: 120_000 });
    expect(await verdict.getAttribute("data-verdict")).toBe("failed");
    expect(await page.locator('li[data-check="receipts"]').getAttribute("data-result")).toBe("fail");
    await page
      .getByText(/dropped\.json .*evidence that it accepted the ballot and dropped it/)
      .first()
      .waitFor();
    expect(problems).toEqual([]);
    await page.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("should show an open referendum as not finished, with every other check passed", async () => {
    const { page, problems } = await watchedPage(context, [new RegExp(`HTTP 409 /v1/referenda/${open}/tally`)]);
    await page.goto(`${stack.apiUrl}/verify/${open}/`);
    await page.getByRole("heading", { level: 1, name: /^Verify “/ }).waitFor();
    // Every text the progress status shows, to see the phases go by.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { phases: string[] }).phases = seen;
      new MutationObserver(() => {
        const text = document.querySelector(".verify-progress [role=status]")?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole("button", { name: "Start verification" }).click();
    const verdict = page.locator("[data-verdict]");
    await verdict.waitFor({ timeout: 120_000 });
    expect(await verdict.getAttribute("data-verdict")).toBe("unfinished");
    await page.getByText("Not finished yet: the result has not been published.").waitFor();
    expect(await page.locator('li[data-check][data-result="pass"]').count()).toBe(8);
    expect(await page.locator('li[data-check="tally"]').getAttribute("data-result")).toBe("pending");
    const speed = page.locator("[data-proofs]");
    const [proofs, ms] = [await speed.getAttribute("data-proofs"), Number(await speed.getAttribute("data-ms"))];
    expect(proofs).toBe(String(OPEN_REVOTES + 1));
    const phases = await page.evaluate(() => (window as unknown as { phases: string[] }).phases);
    expect(phases).toEqual(
      expect.arrayContaining([
        `Downloading the ballot log: ${OPEN_REVOTES + 1} of ${OPEN_REVOTES + 1} ballots`,
        `Verifying proofs: 16 of ${OPEN_REVOTES + 1}`,
      ]),
    );
    console.log(
      `browser proof verification (mcl batch, Web Worker): ${proofs} proofs in ${ms} ms, ` +
        `${Math.round((Number(proofs) * 1000) / Math.max(1, ms))} proofs/s`,
    );
    await checkBothLanguages(page, "unfinished", (p) =>
      p.getByText("Nog niet klaar: de uitslag is nog niet gepubliceerd.").waitFor(),
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it("should say so when no referendum has the number", async () => {
    const { page, problems } = await watchedPage(context, [/HTTP 404 \/v1\/referenda\/9999$/]);
    await page.goto(`${stack.apiUrl}/verify/9999/`);
    await page.getByText("There is no referendum with number 9999.").waitFor();
    await checkBothLanguages(page, "not-found", (p) => p.getByText("Er is geen referendum met nummer 9999.").waitFor());
    expect(problems).toEqual([]);
    await page.close();
  });

  it("should FAIL the dev ceremony's key when the site does not declare a test deployment", async () => {
    const { page, problems } = await watchedPage(context);
    await context.route(/\/config\.json$/, async (route) => {
      const response = await route.fetch();
      const { testDeployment: _dropped, ...config } = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: config });
    });
    try {
      await startVerification(page, tallied);
      const verdict = page.locator("[data-verdict]");
      await verdict.waitFor({ timeout: 120_000 });
      expect(await verdict.getAttribute("data-verdict")).toBe("failed");
      const ceremony = page.locator('li[data-check="ceremony"]');
      expect(await ceremony.getAttribute("data-result")).toBe("fail");
      await ceremony.getByText("whoever ran it can forge ballots", { exact: false }).first().waitFor();
      await page
        .getByRole("heading", { level: 2, name: "Verification failed: 1 of 10 checks did not pass." })
        .waitFor();
      await checkBothLanguages(page, "dev-ceremony", (p) =>
        p.getByText("De sleutel komt uit de ontwikkelceremonie", { exact: false }).waitFor(),
      );
    } finally {
      await context.unroute(/\/config\.json$/);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it("should fail the ballots and tally checks when a ballot is changed on its way from the service", async () => {
    const { page, problems } = await watchedPage(context);
    // A dishonest service: the second ballot's yes and no votes are swapped in the log it serves.
    await context.route(new RegExp(`/v1/referenda/${tallied}/log/entries`), async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { entries: { entry: { ballot: { publicSignals: string[] } } }[] };
      const signals = body.entries[1]?.entry.ballot.publicSignals;
      if (signals) [signals[3], signals[4]] = [signals[4]!, signals[3]!];
      await route.fulfill({ response, json: body });
    });
    try {
      await startVerification(page, tallied);
      const verdict = page.locator("[data-verdict]");
      await verdict.waitFor({ timeout: 120_000 });
      expect(await verdict.getAttribute("data-verdict")).toBe("failed");
      expect(await verdict.getAttribute("role")).toBe("alert");
      expect(await page.locator('li[data-check="ballots"]').getAttribute("data-result")).toBe("fail");
      expect(await page.locator('li[data-check="tally"]').getAttribute("data-result")).toBe("fail");
      // No chart of a result that does not add up.
      expect(await page.getByRole("heading", { name: "Verified result" }).count()).toBe(0);
      await page.getByRole("heading", { level: 2, name: /^Verification failed: \d+ of 10 checks/ }).waitFor();
      await checkBothLanguages(page, "tampered", (p) =>
        p.getByRole("heading", { level: 2, name: /^Controle mislukt: \d+ van 10 controles/ }).waitFor(),
      );
    } finally {
      await context.unroute(new RegExp(`/v1/referenda/${tallied}/log/entries`));
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it("should say so when the service cannot be reached", async () => {
    const { page, problems } = await watchedPage(context);
    await context.route(/\/v1\//, (route) => route.abort("connectionrefused"));
    try {
      await page.goto(`${stack.apiUrl}/verify/${tallied}/`);
      await page.locator('[data-error-code="NETWORK"]').waitFor();
      await page.getByRole("button", { name: "Start verification" }).click();
      await page.locator('[data-failure="api"]').waitFor({ timeout: 60_000 });
      await checkBothLanguages(page, "api-down", (p) =>
        p.locator('[data-failure="api"]', { hasText: "De referendumdienst is niet bereikbaar" }).waitFor(),
      );
    } finally {
      await context.unroute(/\/v1\//);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it("should say so when the chain cannot be reached", async () => {
    const { page, problems } = await watchedPage(context);
    await context.route(stack.rpcUrl, (route) => route.abort("connectionrefused"));
    try {
      await startVerification(page, tallied);
      await page.locator('[data-failure="rpc"]').waitFor({ timeout: 60_000 });
      await page.getByText("The blockchain could not be reached").waitFor();
      await checkBothLanguages(page, "rpc-down", (p) => p.getByText("De blockchain is niet bereikbaar").waitFor());
    } finally {
      await context.unroute(stack.rpcUrl);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
