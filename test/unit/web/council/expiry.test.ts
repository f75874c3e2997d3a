/** A council call refused for its token ends the session once per refusal, and still fails as before. */
import { ApiError, type CouncilApi } from "../../../../web/lib/api-client";
import { expiringApi, isUnauthenticated } from "../../../../web/components/council/expiry";

const refused = (code: "UNAUTHENTICATED" | "FORBIDDEN" | "NETWORK"): Promise<never> =>
  Promise.reject(new ApiError(code, code === "NETWORK" ? 0 : 401, code));

function fakeApi(): CouncilApi {
  const unused = (): Promise<never> => Promise.reject(new Error("not called"));
  return {
    censuses: () => Promise.resolve([{ id: "c1", name: "Springfield" }]),
    createCensus: unused,
    issueCodes: (_censusId: string, count: number) => Promise.resolve(`code\n${"x\n".repeat(count)}`),
    referenda: () => refused("UNAUTHENTICATED"),
    referendum: () => refused("FORBIDDEN"),
    createDraft: unused,
    updateDraft: unused,
    open: () => refused("NETWORK"),
    close: unused,
    tally: unused,
    inviteTrustees: unused,
  };
}

describe("# council session expiry", () => {
  it("should tell only UNAUTHENTICATED apart from other failures", () => {
    expect(isUnauthenticated(new ApiError("UNAUTHENTICATED", 401, "A valid council token is required."))).toBe(true);
    expect(isUnauthenticated(new ApiError("FORBIDDEN", 403, "This belongs to another council."))).toBe(false);
    expect(isUnauthenticated(new Error("UNAUTHENTICATED"))).toBe(false);
    expect(isUnauthenticated(null)).toBe(false);
  });

  it("should pass answers and arguments through untouched", async () => {
    const onExpired = jest.fn();
    const api = expiringApi(fakeApi(), onExpired);
    await expect(api.censuses()).resolves.toEqual([{ id: "c1", name: "Springfield" }]);
    await expect(api.issueCodes("c1", 2)).resolves.toBe("code\nx\nx\n");
    expect(onExpired).not.toHaveBeenCalled();
  });

  it("should call onExpired on UNAUTHENTICATED and still reject with the same error", async () => {
    const onExpired = jest.fn();
    const api = expiringApi(fakeApi(), onExpired);
    await expect(api.referenda()).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(onExpired).toHaveBeenCalledTimes(1);
  });

  it("should leave the session alone on any other failure", async () => {
    const onExpired = jest.fn();
    const api = expiringApi(fakeApi(), onExpired);
    await expect(api.referendum("1")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api.open("1")).rejects.toMatchObject({ code: "NETWORK" });
    await expect(api.close("1")).rejects.toThrow("not called");
    expect(onExpired).not.toHaveBeenCalled();
  });
});
