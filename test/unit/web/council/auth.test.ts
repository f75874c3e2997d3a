/**
 * The council's hosted sign-in, pure parts: PKCE (RFC 7636 test vector), the authorize and logout
 * addresses, the token request and the parsing of its answer.
 */
import {
  authorizeUrl,
  authReturn,
  base64Url,
  codeChallenge,
  idTokenFrom,
  logoutUrl,
  randomToken,
  redirectUriFor,
  tokenRequest,
} from "../../../../web/components/council/auth";

const auth = { signInUrl: "https://bling-test.auth.eu-west-1.amazoncognito.com/", clientId: "client123" };

describe("# council hosted sign-in", () => {
  it("should compute the S256 challenge of RFC 7636's example verifier", async () => {
    expect(await codeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("should write base64url without padding and draw distinct random tokens", () => {
    expect(base64Url(Uint8Array.from([0xfb, 0xff, 0xfe]))).toBe("-__-");
    expect(base64Url(Uint8Array.from([1]))).toBe("AQ");
    const a = randomToken();
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(randomToken()).not.toBe(a);
  });

  it("should build the authorize address with the code grant, PKCE, scopes and state", () => {
    const url = new URL(authorizeUrl(auth, redirectUriFor("https://vote.example"), "st", "ch"));
    expect(url.origin + url.pathname).toBe("https://bling-test.auth.eu-west-1.amazoncognito.com/oauth2/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "client123",
      redirect_uri: "https://vote.example/council/",
      scope: "openid email profile",
      state: "st",
      code_challenge: "ch",
      code_challenge_method: "S256",
    });
    expect(url.search).toContain("scope=openid+email+profile");
  });

  it("should build the token request as a form with the code and the verifier", () => {
    const request = tokenRequest(auth, "https://vote.example/council/", "the-code", "the-verifier");
    expect(request.url).toBe("https://bling-test.auth.eu-west-1.amazoncognito.com/oauth2/token");
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      grant_type: "authorization_code",
      client_id: "client123",
      code: "the-code",
      redirect_uri: "https://vote.example/council/",
      code_verifier: "the-verifier",
    });
  });

  it("should take the id token from the token answer and refuse anything else", () => {
    expect(idTokenFrom({ id_token: "aaa.bbb.ccc", access_token: "x.y.z" })).toBe("aaa.bbb.ccc");
    expect(idTokenFrom({ access_token: "x.y.z" })).toBeNull();
    expect(idTokenFrom({ id_token: "not a jwt" })).toBeNull();
    expect(idTokenFrom({ id_token: 5 })).toBeNull();
    expect(idTokenFrom(null)).toBeNull();
    expect(idTokenFrom("aaa.bbb.ccc")).toBeNull();
  });

  it("should build the logout address back to the home page", () => {
    const url = new URL(logoutUrl(auth, "https://vote.example"));
    expect(url.pathname).toBe("/logout");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: "client123",
      logout_uri: "https://vote.example/",
    });
  });

  it("should read the return from the hosted UI", () => {
    expect(authReturn("?code=c1&state=s1")).toEqual({ code: "c1", state: "s1" });
    expect(authReturn("?error=access_denied&state=s1")).toEqual({ error: "access_denied" });
    expect(authReturn("?code=c1")).toBeNull();
    expect(authReturn("?referendum=4")).toBeNull();
    expect(authReturn("")).toBeNull();
  });
});
