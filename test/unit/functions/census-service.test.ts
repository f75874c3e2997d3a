import { buildCensus, censusRoot } from "../../../circuits/src";
import { BlingError } from "../../../functions/api/errors";
import {
  censusInfo,
  censusLeaves,
  createCensus,
  issueCodes,
  listCensuses,
  register,
} from "../../../functions/core/census-service";
import { formatCode, normalizeCode } from "../../../functions/core/registration-codes";
import { coreDeps } from "../../fixtures/core-fixtures";

const codeOf = async (promise: Promise<unknown>): Promise<string | undefined> =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof BlingError ? error.code : String(error)),
  );

describe("# registration codes", () => {
  it("should format 80 random bits as four groups of Crockford base32 and read them back forgivingly", () => {
    const code = formatCode(new Uint8Array(10).fill(0xff));
    expect(code).toBe("ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    expect(formatCode(new Uint8Array(10))).toBe("0000-0000-0000-0000");
    expect(normalizeCode(" zzzz zzzz-zzzz-ZZZZ ")).toBe("ZZZZZZZZZZZZZZZZ");
    expect(normalizeCode("OOOO-IIII-LLLL-0000")).toBe("0000111111110000");
    expect(normalizeCode("UUUU-0000-0000-0000")).toBeNull();
    expect(normalizeCode("0000-0000-0000")).toBeNull();
  });
});

describe("# census registration", () => {
  it("should register each code once, append commitments in order and build the circuits' root", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, "council-a", "Harbour district");
    expect(await listCensuses(deps, "council-a")).toEqual([{ id: census.id, name: "Harbour district" }]);
    const codes = await issueCodes(deps, "council-a", census.id, 5);
    expect(new Set(codes).size).toBe(5);
    const commitments = ["11", "22", "33"];
    for (const [i, commitment] of commitments.entries()) {
      expect(await register(deps, census.id, codes[i]!.toLowerCase(), commitment)).toBe(i);
    }
    const info = await censusInfo(deps, census.id);
    expect(info.size).toBe(3);
    expect(info.root).toBe(String(censusRoot(buildCensus(commitments.map(BigInt)))));
    expect(await censusLeaves(deps, census.id, 1, 10)).toEqual(["22", "33"]);
    // A retry of a registration that succeeded answers the same and changes nothing.
    const items = deps.store.size;
    expect(await register(deps, census.id, codes[1]!, "22")).toBe(1);
    expect(deps.store.size).toBe(items);
  });

  it("should refuse a used code, an unknown code and a registered commitment, writing nothing", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, "council-a", "North");
    const [first, second, third] = await issueCodes(deps, "council-a", census.id, 3);
    await register(deps, census.id, first!, "100");
    const before = deps.store.size;
    expect(await codeOf(register(deps, census.id, first!, "200"))).toBe("REGISTRATION_CODE_USED");
    expect(await codeOf(register(deps, census.id, "0000-0000-0000-0000", "200"))).toBe("REGISTRATION_CODE_UNKNOWN");
    expect(await codeOf(register(deps, census.id, "not a code", "200"))).toBe("REGISTRATION_CODE_UNKNOWN");
    expect(await codeOf(register(deps, census.id, second!, "100"))).toBe("COMMITMENT_REGISTERED");
    expect(deps.store.size).toBe(before);
    // The refused code is still usable for another identity.
    expect(await register(deps, census.id, second!, "200")).toBe(1);
    expect(await codeOf(register(deps, "nope", third!, "300"))).toBe("CENSUS_NOT_FOUND");
  });

  it("should give each of many concurrent registrations its own leaf", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, "council-a", "Concurrent");
    const codes = await issueCodes(deps, "council-a", census.id, 40);
    const indexes = await Promise.all(codes.map((code, i) => register(deps, census.id, code, String(1000 + i))));
    expect([...indexes].sort((a, b) => a - b)).toEqual(codes.map((_, i) => i));
    expect((await censusInfo(deps, census.id)).size).toBe(40);
  });

  it("should keep a census to its council", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, "council-a", "Mine");
    expect(await codeOf(issueCodes(deps, "council-b", census.id, 1))).toBe("FORBIDDEN");
    expect(await listCensuses(deps, "council-b")).toEqual([]);
  });
});
