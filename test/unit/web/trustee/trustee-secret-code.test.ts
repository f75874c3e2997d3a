/** The trustee's recovery code: its secret as base64url JSON, read back only when it is one. */
import { trusteeRecoveryCode, trusteeSecretFromCode } from "../../../../web/components/trustee/trustee-secret-code";
import { trusteeSecretOf } from "../../../../protocol/trustee-steps";

const secret = trusteeSecretOf("42", 2, 3, 123456789n);

describe("# trustee recovery code", () => {
  it("should read back the secret it was made from, spaces and line breaks ignored", () => {
    const code = trusteeRecoveryCode(secret);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(trusteeSecretFromCode(code)).toEqual(secret);
    expect(trusteeSecretFromCode(` ${code.slice(0, 10)}\n${code.slice(10)} `)).toEqual(secret);
  });

  it("should refuse text that is not a trustee recovery code", () => {
    expect(trusteeSecretFromCode("")).toBeNull();
    expect(trusteeSecretFromCode("not a code!")).toBeNull();
    expect(trusteeSecretFromCode(trusteeRecoveryCode(secret).slice(0, 20))).toBeNull();
    // A citizen's recovery code (standard base64 of a key) is not a trustee's.
    expect(trusteeSecretFromCode("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")).toBeNull();
    const other = Buffer.from(JSON.stringify({ referendumId: "1", attempt: 0, index: 1, secretKey: "1" })).toString(
      "base64url",
    );
    expect(trusteeSecretFromCode(other)).toBeNull();
  });
});
