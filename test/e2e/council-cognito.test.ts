/**
 * The council's sign-in as in AWS: the site sends the browser to the hosted UI with the
 * authorization-code grant and PKCE, trades the returned code for an id token, and signs out there.
 * A small stand-in for Cognito's hosted UI runs on 127.0.0.1; it checks the PKCE verifier against
 * the challenge and answers with a council token the local API accepts.
 */
import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext } from "playwright-core";
import type { LocalStack } from "../../local/stack";
import {
  axeViolations,
  chooseLanguage,
  launchChromium,
  screenshot,
  startSiteStack,
  watchedPage,
} from "../fixtures/browser";

const CLIENT_ID = "council-client";

interface HostedUi {
  url: string;
  /** What the token endpoint was sent, for the test to check. */
  exchanges: Record<string, string>[];
  close: () => Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** authorize redirects straight back with a code; token checks the code and verifier; logout returns. */
async function startHostedUi(idToken: () => Promise<string>): Promise<HostedUi> {
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const exchanges: Record<string, string>[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://stand-in");
      const query = Object.fromEntries(url.searchParams);
      if (url.pathname === "/oauth2/authorize") {
        const ok =
          query.response_type === "code" && query.client_id === CLIENT_ID && query.code_challenge_method === "S256";
        const code = randomUUID();
        codes.set(code, { challenge: query.code_challenge ?? "", redirectUri: query.redirect_uri ?? "" });
        const back = new URL(query.redirect_uri ?? "");
        if (ok) back.search = new URLSearchParams({ code, state: query.state ?? "" }).toString();
        else back.search = "error=invalid_request";
        response.writeHead(302, { location: back.toString() }).end();
      } else if (url.pathname === "/oauth2/token" && request.method === "POST") {
        const form = Object.fromEntries(new URLSearchParams(await bodyOf(request)));
        exchanges.push(form);
        const issued = codes.get(form.code ?? "");
        codes.delete(form.code ?? "");
        const verified =
          issued !== undefined &&
          form.grant_type === "authorization_code" &&
          form.client_id === CLIENT_ID &&
          form.redirect_uri === issued.redirectUri &&
          createHash("sha256")
            .update(form.code_verifier ?? "")
            .digest("base64url") === issued.challenge;
        const headers = { "content-type": "application/json", "access-control-allow-origin": "*" };
        if (!verified) response.writeHead(400, headers).end(JSON.stringify({ error: "invalid_grant" }));
        else response.writeHead(200, headers).end(JSON.stringify({ id_token: await idToken(), token_type: "Bearer" }));
      } else if (url.pathname === "/logout" && query.client_id === CLIENT_ID) {
        response.writeHead(302, { location: query.logout_uri ?? "/" }).end();
      } else {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}

describe("# council hosted sign-in", () => {
  let hostedUi: HostedUi;
  let stack: LocalStack;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    hostedUi = await startHostedUi(() => stack.councilToken("council-hosted"));
    [stack, browser] = await Promise.all([
      startSiteStack({ auth: { signInUrl: hostedUi.url, clientId: CLIENT_ID, userPoolId: "local_pool" } }),
      launchChromium(),
    ]);
    context = await browser.newContext({ locale: "en-GB" });
  }, 600_000);

  afterAll(async () => {
    await browser.close();
    await stack.stop();
    await hostedUi.close();
  });

  it("should sign in through the hosted UI with PKCE, drop the code from the address, and sign out there", async () => {
    const { page, problems } = await watchedPage(context);
    await page.goto(`${stack.apiUrl}/council/`);
    await page.getByRole("heading", { level: 1, name: "Sign in as a council administrator" }).waitFor();
    expect(await page.getByLabel("Council token").count()).toBe(0);
    for (const [language, suffix] of [
      ["Nederlands", "nl"],
      ["English", "en"],
    ] as const) {
      await chooseLanguage(page, language);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `council-signin-hosted-${suffix}`);
    }

    await page.getByRole("button", { name: "Sign in with your council account" }).click();
    await page.getByRole("heading", { level: 1, name: "Council administration" }).waitFor();
    expect(page.url()).toBe(`${stack.apiUrl}/council/`);
    expect(hostedUi.exchanges).toHaveLength(1);
    expect(hostedUi.exchanges[0]).toMatchObject({
      grant_type: "authorization_code",
      client_id: CLIENT_ID,
      redirect_uri: `${stack.apiUrl}/council/`,
    });
    // The id token is the bearer: the council's (empty) lists load with it.
    await page.getByText("There are no electorates yet.").waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem("bling.council.token"))).toMatch(/^ey/);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${stack.apiUrl}/`);
    await page.getByRole("heading", { level: 1, name: "Referenda" }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem("bling.council.token"))).toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });

  it("should refuse a return whose state it did not send", async () => {
    const { page, problems } = await watchedPage(context);
    await page.goto(`${stack.apiUrl}/council/?code=forged&state=forged`);
    await page.getByText("The sign-in could not be checked").waitFor();
    expect(page.url()).toBe(`${stack.apiUrl}/council/`);
    expect(hostedUi.exchanges).toHaveLength(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});
