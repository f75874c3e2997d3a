import { ApiError } from "../../../functions/api/api-error";
import { fetchCensusLeaves } from "../../../functions/api/census-pager";
import { createCouncilClient, createPublicClient, type Fetch } from "../../../functions/api/client";

interface Seen {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

/** A fetch that records each request and answers with `answer(url)`. */
function fakeFetch(answer: (url: URL) => Response): { fetch: Fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetch: Fetch = (url, init) => {
    seen.push({
      url,
      method: init.method ?? "GET",
      headers: new Headers(init.headers),
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    });
    return Promise.resolve(answer(new URL(url)));
  };
  return { fetch, seen };
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

async function failureOf(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("# API client", () => {
  it("should call the route under /v1 with the token and a JSON body, and answer with the typed body", async () => {
    const { fetch, seen } = fakeFetch(() => json(201, { index: 4 }));
    const client = createPublicClient({ baseUrl: "http://api.test//", fetch });
    expect(await client.register("c 1", "CODE", "12")).toEqual({ index: 4 });
    expect(seen[0]).toMatchObject({
      url: "http://api.test/v1/censuses/c%201/registrations",
      method: "POST",
      body: { code: "CODE", commitment: "12" },
    });
    expect(seen[0]?.headers.get("content-type")).toBe("application/json");
    expect(seen[0]?.headers.get("authorization")).toBeNull();

    const council = createCouncilClient({ baseUrl: "http://api.test", token: "t0k", fetch });
    await council.open("7");
    expect(seen[1]).toMatchObject({ url: "http://api.test/v1/council/referenda/7/open", method: "POST" });
    expect(seen[1]?.headers.get("authorization")).toBe("Bearer t0k");
  });

  it("should answer the codes CSV as text", async () => {
    const { fetch } = fakeFetch(() => new Response("code\nAAAA\nBBBB\n", { status: 200 }));
    const council = createCouncilClient({ baseUrl: "http://api.test", token: "t", fetch });
    expect(await council.issueCodes("c1", 2)).toBe("code\nAAAA\nBBBB\n");
  });

  it("should map the error envelope to an ApiError with status, code, message and details as { path, message }[]", async () => {
    const { fetch } = fakeFetch((url) =>
      url.pathname.endsWith("/ballots")
        ? json(400, {
            error: { code: "BALLOT_MALFORMED", message: "The ballot is not well formed.", details: ["proof.pi_a"] },
          })
        : json(400, {
            error: {
              code: "INPUT_INVALID",
              message: "rules.budget: Too big",
              details: [{ path: "rules.budget", message: "Too big" }, { path: "closesAt" }, 7],
            },
          }),
    );
    const council = createCouncilClient({ baseUrl: "http://api.test", token: "t", fetch });
    const invalid = await failureOf(council.updateDraft("3", { title: "x" } as never));
    expect(invalid).toMatchObject({
      code: "INPUT_INVALID",
      status: 400,
      message: "rules.budget: Too big",
      failure: "refused",
      details: [
        { path: "rules.budget", message: "Too big" },
        { path: "closesAt", message: "" },
      ],
      request: { method: "PUT", path: "/council/referenda/3", url: "http://api.test/v1/council/referenda/3" },
    });
    const malformed = await failureOf(
      createPublicClient({ baseUrl: "http://api.test", fetch }).submitBallot("3", {} as never),
    );
    expect([malformed.code, malformed.details]).toEqual(["BALLOT_MALFORMED", [{ path: "proof.pi_a", message: "" }]]);
  });

  it("should answer INTERNAL for what is not the API's envelope, telling a page from other JSON", async () => {
    const page = createPublicClient({
      baseUrl: "http://site.test",
      fetch: fakeFetch(() => new Response("<!doctype html>", { status: 200 })).fetch,
    });
    expect(await failureOf(page.config())).toMatchObject({
      code: "INTERNAL",
      status: 200,
      failure: "not-json",
      details: [],
    });
    const gateway = createPublicClient({
      baseUrl: "http://api.test",
      fetch: fakeFetch(() => json(502, { message: "Internal Server Error" })).fetch,
    });
    expect(await failureOf(gateway.tally("1"))).toMatchObject({
      code: "INTERNAL",
      status: 502,
      message: "HTTP 502",
      failure: "not-envelope",
    });
    const unknownCode = createPublicClient({
      baseUrl: "http://api.test",
      fetch: fakeFetch(() => json(418, { error: { code: "TEAPOT", message: "no" } })).fetch,
    });
    expect(await failureOf(unknownCode.referenda())).toMatchObject({ code: "INTERNAL", failure: "not-envelope" });
  });

  it("should answer NETWORK with status 0 when the service cannot be reached", async () => {
    const client = createPublicClient({
      baseUrl: "http://down.test",
      fetch: () => Promise.reject(new TypeError("fetch failed")),
    });
    expect(await failureOf(client.logHead("5"))).toMatchObject({
      code: "NETWORK",
      status: 0,
      message: "fetch failed",
      failure: "unreachable",
      request: { url: "http://down.test/v1/referenda/5/log/head" },
    });
  });

  it("should give up on a call after its timeout", async () => {
    const signals: AbortSignal[] = [];
    // Answers only when aborted, as a real fetch does.
    const hanging: Fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        const signal = init.signal;
        if (!signal) return;
        signals.push(signal);
        signal.addEventListener("abort", () => {
          reject(signal.reason as Error);
        });
      });
    const client = createPublicClient({ baseUrl: "http://slow.test", fetch: hanging, timeoutMs: 30 });
    const started = Date.now();
    expect(await failureOf(client.referendum("9"))).toMatchObject({ code: "NETWORK", status: 0, failure: "timeout" });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(signals).toHaveLength(1);
  });

  it("should give up on an answer whose body stalls past the timeout", async () => {
    // Headers at once, then a body that ends only when the signal aborts it, as a real fetch's does.
    const stalling: Fetch = (_url, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          init.signal?.addEventListener("abort", () => {
            controller.error(init.signal?.reason);
          });
        },
      });
      return Promise.resolve(new Response(body, { status: 200 }));
    };
    const client = createPublicClient({ baseUrl: "http://slow.test", fetch: stalling, timeoutMs: 30 });
    expect(await failureOf(client.config())).toMatchObject({ code: "NETWORK", status: 0, failure: "timeout" });
  });

  it("should page census leaves in order across pages, several at once, with progress", async () => {
    const census = Array.from({ length: 2_500 }, (_, i) => String(i + 1));
    const { fetch, seen } = fakeFetch((url) => {
      const from = Number(url.searchParams.get("from"));
      const limit = Number(url.searchParams.get("limit"));
      return json(200, { from, leaves: census.slice(from, from + limit) });
    });
    const client = createPublicClient({ baseUrl: "http://api.test", fetch });
    const progress: number[] = [];
    const leaves = await fetchCensusLeaves(client, "c1", 2_400, {
      parallel: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(leaves).toEqual(census.slice(0, 2_400));
    expect(seen.map((s) => new URL(s.url).search)).toEqual([
      "?from=0&limit=1000",
      "?from=1000&limit=1000",
      "?from=2000&limit=400",
    ]);
    expect(progress).toEqual([2_000, 2_400]);
    expect(await fetchCensusLeaves(client, "c1", 0)).toEqual([]);
  });

  it("should stop the pager at the first short page, leaving the caller to judge fewer leaves", async () => {
    const census = Array.from({ length: 1_200 }, (_, i) => String(i));
    const { fetch } = fakeFetch((url) => {
      const from = Number(url.searchParams.get("from"));
      const limit = Number(url.searchParams.get("limit"));
      return json(200, { from, leaves: census.slice(from, from + limit) });
    });
    const client = createPublicClient({ baseUrl: "http://api.test", fetch });
    expect(await fetchCensusLeaves(client, "c1", 3_000, { parallel: 3 })).toHaveLength(1_200);
    expect(await fetchCensusLeaves(client, "c1", 1_100, { pageSize: 500 })).toEqual(census.slice(0, 1_100));
  });

  it("should fail the pager with the page's ApiError", async () => {
    const client = createPublicClient({
      baseUrl: "http://api.test",
      fetch: fakeFetch(() => json(400, { error: { code: "PATH_INVALID", message: "id: bad" } })).fetch,
    });
    expect(await failureOf(fetchCensusLeaves(client, "../x", 10))).toMatchObject({
      code: "PATH_INVALID",
      request: { path: "/censuses/..%2Fx/leaves?from=0&limit=10" },
    });
  });
});
