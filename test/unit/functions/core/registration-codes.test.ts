import { formatCode, normalizeCode } from "../../../../functions/core/registration-codes";

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
