import { createIdentity, exportIdentity, exportRecoveryCode } from "../../../../protocol/identity";
import {
  commitmentFingerprint,
  identityFromRecoveryCode,
  normaliseRecoveryCode,
  readRecoveryCode,
  recoveryFileText,
  returnPath,
} from "../../../../web/components/citizen/recovery";
import { parseReceiptQuery, receiptHref } from "../../../../web/components/citizen/links";

const identity = createIdentity(Uint8Array.from({ length: 32 }, (_, i) => i + 1));
const code = exportIdentity(identity);

describe("# recovery code", () => {
  it("should restore the same identity from its code, with spaces and line breaks a copy adds", () => {
    const pasted = `  ${code.slice(0, 20)}\n${code.slice(20, 30)} ${code.slice(30)}\n`;
    expect(normaliseRecoveryCode(pasted)).toBe(code);
    expect(identityFromRecoveryCode(pasted)?.commitment).toBe(identity.commitment);
  });

  it("should give null for a code that is cut short, too long or not base64", () => {
    expect(identityFromRecoveryCode(code.slice(0, 40))).toBeNull();
    expect(identityFromRecoveryCode(`${code}AAAA`)).toBeNull();
    expect(identityFromRecoveryCode("not a recovery code at all, not at all!!!=")).toBeNull();
    expect(identityFromRecoveryCode("")).toBeNull();
  });

  it("should tell a grouped code with one wrong character (a typo) from text that is no code", () => {
    const grouped = exportRecoveryCode(identity);
    expect(readRecoveryCode(grouped.replace(/-/g, "\n"))).toEqual({ identity: expect.anything() as unknown });
    const typo = (grouped.startsWith("2") ? "3" : "2") + grouped.slice(1);
    expect(readRecoveryCode(typo)).toEqual({ problem: "typo" });
    expect(readRecoveryCode("hello")).toEqual({ problem: "invalid" });
  });

  it("should go back only to a path on this site", () => {
    expect(returnPath("/vote/7/")).toBe("/vote/7/");
    expect(returnPath("//evil.example/")).toBeNull();
    expect(returnPath("/\\evil.example/")).toBeNull();
    expect(returnPath("https://evil.example/")).toBeNull();
    expect(returnPath("javascript:alert(1)")).toBeNull();
    expect(returnPath(null)).toBeNull();
  });

  it("should write the code on a line of its own in the downloaded file", () => {
    expect(recoveryFileText(code, "Keep it secret.").split("\n")).toEqual(["Keep it secret.", "", code, ""]);
  });
});

describe("# commitmentFingerprint", () => {
  it("should show the last eight digits in two groups, padded for short numbers", () => {
    expect(commitmentFingerprint(123456789012n)).toBe("5678 9012");
    expect(commitmentFingerprint(42n)).toBe("0000 0042");
  });
});

describe("# receipt links", () => {
  it("should round-trip the referendum and ballot through the receipt address", () => {
    const href = receiptHref({ referendumId: "7", ballotId: "ab12" });
    expect(href).toBe("/receipt/?referendum=7&ballot=ab12");
    expect(parseReceiptQuery(href.slice("/receipt/".length))).toEqual({ referendumId: "7", ballotId: "ab12" });
    expect(parseReceiptQuery("?referendum=7")).toBeNull();
  });
});
