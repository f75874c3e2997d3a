/**
 * The trusted-setup ceremony with a participant in the browser: three participants on the tests'
 * tiny circuit, the second through /ceremony/ in Chromium (key made in the page, transcript read
 * from the folder's address on the site), the others with the CLI; then `bling ceremony verify`
 * and `finalize` on anvil's block, and the final zkey proves and verifies. A tampered intermediate
 * zkey, picked from disk, is refused with the step named.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { groth16 } from "snarkjs";
import { readParticipantKeyFile, sha256Hex } from "../../protocol/ceremony";
import { releaseProverThreads } from "../../protocol/verify";
import type { CompiledCircuit } from "../../circuits/scripts/compile";
import {
  axeViolations,
  chooseLanguage,
  launchChromium,
  screenshot,
  SITE_DIR,
  startSiteStack,
  watchedPage,
} from "../fixtures/browser";
import { compileTestCircuit, contributeArgv, initArgv, localPhase1, testArtifacts } from "../fixtures/ceremony";
import { cli as bling } from "../fixtures/cli-run";
import type { TestStack } from "../fixtures/test-stack";

let work: string;
let circuit: CompiledCircuit;
let phase1: { ptau: string; pins: string };
let stack: TestStack;
let browser: Browser;
let artifacts: string;
/** Where the site publishes the folder (the coordinator's static host), removed after. */
let published: string;
let publishedPath: string;
let beaconBlock: number;
let afterAlice: string;

const dir = (): string => join(work, "transcript");
const keyFile = (name: string): string => join(work, `${name}.key`);
const pinned = (): string[] => ["--ptau", phase1.ptau, "--ptau-pins", phase1.pins];
/** A transcript folder is missing on a static host until it is there: absence is how the page reads its end. */
const ABSENT = [/HTTP 404 \/ceremony-e2e-[^/]+\/transcript\/(contributions\/\d{4}\.json|beacon\.json)$/];

async function cliContribute(name: string): Promise<string> {
  const step = await bling(...contributeArgv(dir(), pinned(), name, keyFile(name)));
  return step.err || step.out;
}

async function checked(page: Page, name: string, problems: string[]): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `ceremony-${name}`);
  expect(problems).toEqual([]);
}

async function saveDownload(page: Page, link: string, to: string): Promise<Uint8Array> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  await download.saveAs(to);
  return new Uint8Array(await readFile(to));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "bling-ceremony-e2e-"));
  [circuit, phase1, stack, browser] = await Promise.all([
    compileTestCircuit(),
    localPhase1(join(work, "phase1")),
    startSiteStack(),
    launchChromium(),
  ]);
  artifacts = await testArtifacts(join(work, "artifacts"), circuit);
  publishedPath = `ceremony-e2e-${Date.now().toString(36)}`;
  published = join(SITE_DIR, publishedPath);
}, 600000);

afterAll(async () => {
  await browser.close();
  await stack.stop();
  await releaseProverThreads();
  if (published) await rm(published, { recursive: true, force: true });
  if (work) await rm(work, { recursive: true, force: true });
});

describe("# the ceremony page", () => {
  it("should take a browser participant's turn between two CLI participants, and the ceremony finalizes, proves and verifies", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const { page, problems } = await watchedPage(context, ABSENT);
    await page.goto(`${stack.apiUrl}/ceremony/`);
    await page.getByRole("heading", { level: 1, name: "Take part in the trusted setup" }).waitFor();
    await checked(page, "start", problems);

    // Bob makes his key in the page and keeps the file, which the CLI's reader accepts.
    await page.getByRole("button", { name: "Make a new key" }).click();
    const shown = await page.getByTestId("ceremony-public-key").innerText();
    const bobKey = await saveDownload(page, "Download your key file", keyFile("bob"));
    expect(readParticipantKeyFile(new TextDecoder().decode(bobKey))?.publicKey).toBe(shown);
    await checked(page, "key-made", problems);

    const participants = [{ name: "bob", publicKey: shown }];
    for (const name of ["alice", "carol"]) {
      const made = await bling("ceremony", "keygen", "--key", keyFile(name));
      participants.push({ name, publicKey: /public key: ([0-9a-f]{64})/.exec(made.out)![1]! });
    }
    await writeFile(join(work, "participants.json"), JSON.stringify(participants));
    beaconBlock = (await stack.chain.provider.getBlockNumber()) + 3;
    const init = await bling(
      ...initArgv({
        r1cs: circuit.r1cs,
        pinned: pinned(),
        participants: join(work, "participants.json"),
        beaconBlock,
        chainId: stack.chain.chainId,
        id: "ceremony-e2e",
        out: dir(),
        artifacts,
      }),
    );
    expect(init).toMatchObject({ code: 0, err: "" });
    expect(await cliContribute("alice")).toContain("contribution 1 by alice");
    afterAlice = join(work, "after-alice");
    await cp(dir(), afterAlice, { recursive: true });

    // The coordinator publishes the folder (and the phase 1 file) on the site; the page reads it there.
    await cp(dir(), join(published, "transcript"), { recursive: true });
    await cp(phase1.ptau, join(published, "phase1.ptau"));
    await cp(phase1.pins, join(published, "pins.json"));
    await page.reload();
    await page.getByLabel("Load your key file").setInputFiles(keyFile("bob"));
    await page.getByTestId("ceremony-public-key").filter({ hasText: shown }).waitFor();
    await page.getByLabel("Address of the ceremony folder").fill(`/${publishedPath}/transcript/`);
    await page.getByLabel("Address of the phase 1 file (.ptau)").fill(`/${publishedPath}/phase1.ptau`);
    await page.getByLabel(/Address of a test phase 1 list/).fill(`/${publishedPath}/pins.json`);
    await page.getByLabel("Type anything unpredictable").fill("dice 3 5 1 6 2 2 4");
    await checked(page, "ready", problems);
    await page.getByRole("button", { name: "Check the ceremony and contribute" }).click();
    // On the tiny circuit the turn may be over before a progress line can be seen.
    await page
      .locator('[data-testid="ceremony-progress"]:not(:empty), [data-testid="ceremony-result"]')
      .first()
      .waitFor();
    await screenshot(page, "ceremony-running");
    const result = page.getByTestId("ceremony-result");
    await result.waitFor({ timeout: 120000 });
    expect(await result.getByRole("heading", { level: 2 }).innerText()).toBe("Your contribution 2 is ready");
    expect(await result.innerText()).toContain(
      "ceremony ceremony-e2e for circuit ceremony_test; every earlier contribution (1) is correct",
    );
    expect(await page.getByTestId("ceremony-record-hash").innerText()).toBe(
      await sha256Hex(new Uint8Array(await readFile(join(dir(), "ceremony.json")))),
    );
    await checked(page, "done", problems);
    const zkey = await saveDownload(
      page,
      "Download your new zkey (zkeys/0002.zkey)",
      join(dir(), "zkeys", "0002.zkey"),
    );
    await saveDownload(
      page,
      "Download your signed entry (contributions/0002.json)",
      join(dir(), "contributions", "0002.json"),
    );
    expect(await page.getByTestId("ceremony-zkey-hash").innerText()).toBe(await sha256Hex(zkey));
    await context.close();

    // Carol builds on the browser's contribution with the CLI; the whole transcript then verifies.
    expect(await cliContribute("carol")).toContain("contribution 3 by carol");
    const inProgress = await bling("ceremony", "verify", "--dir", dir(), ...pinned(), "--in-progress");
    expect(inProgress.out).toMatch(
      /ok contribution 2 by bob[\s\S]*PASS ceremony-e2e: .*3 contributions, not finalized/,
    );
    for (let i = 0; i < 3; i++) await stack.chain.provider.send("evm_mine", []);
    const done = await bling(
      ...["ceremony", "finalize", "--dir", dir(), ...pinned(), "--rpc", stack.rpcUrl, "--artifacts", artifacts],
    );
    expect(done.err).toBe("");
    const verified = await bling("ceremony", "verify", "--dir", dir(), ...pinned(), "--rpc", stack.rpcUrl);
    expect(verified.out).toMatch(
      /PASS ceremony-e2e: .*3 contributions, finalized with block \d+ \(checked on the chain\)/,
    );
    const vkey = JSON.parse(await readFile(join(dir(), "verification_key.json"), "utf8")) as object;
    const { proof, publicSignals } = await groth16.fullProve({ a: 3, b: 11 }, circuit.wasm, join(dir(), "final.zkey"));
    expect(publicSignals).toEqual(["33"]);
    expect(await groth16.verify(vkey, publicSignals, proof)).toBe(true);
  });

  it("should refuse a transcript whose intermediate zkey was changed, naming the step", async () => {
    const tampered = join(work, "tampered");
    await cp(afterAlice, tampered, { recursive: true });
    const zkey1 = join(tampered, "zkeys", "0001.zkey");
    const bytes = new Uint8Array(await readFile(zkey1));
    bytes[bytes.length - 1]! ^= 1;
    await writeFile(zkey1, bytes);
    const files = [
      ...["ceremony.json", "circuit.r1cs"].map((name) => join(tampered, name)),
      ...(await readdir(join(tampered, "zkeys"))).map((name) => join(tampered, "zkeys", name)),
      ...(await readdir(join(tampered, "contributions"))).map((name) => join(tampered, "contributions", name)),
      phase1.ptau,
      phase1.pins,
    ];
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context);
    await page.goto(`${stack.apiUrl}/ceremony/`);
    await page.getByLabel("Load your key file").setInputFiles(keyFile("bob"));
    await page.getByLabel("From files on this computer").check();
    await page.getByLabel("The ceremony files").setInputFiles(files);
    await page.getByText(`Files selected: ${files.length}.`).waitFor();
    await page.getByLabel("Type anything unpredictable").fill("dice 6 6 6");
    await checked(page, "files-chosen", problems);
    await page.getByRole("button", { name: "Check the ceremony and contribute" }).click();
    const failure = page.getByTestId("ceremony-failure");
    await failure.waitFor({ timeout: 120000 });
    expect(await failure.innerText()).toContain(
      "Refused at contribution 1: its zkey was changed: it is not the file that was signed.",
    );
    await checked(page, "tampered", problems);
    await chooseLanguage(page, "Nederlands");
    expect(await failure.innerText()).toContain(
      "Geweigerd bij bijdrage 1: de zkey is gewijzigd: het is niet het bestand dat werd ondertekend.",
    );
    await checked(page, "tampered-nl", problems);
    await context.close();
  });
});
