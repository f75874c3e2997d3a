/** The deployment settings' municipality: named in `/config.json` only when given whole. */
import { readSettings } from "../../../infra/lib/settings";

const BASE: Record<string, string> = {
  chainId: "11155420",
  chainRpcUrl: "https://rpc.testnet.example",
  registryAddress: "0x00000000000000000000000000000000000000aa",
};

function settingsWith(extra: Record<string, string>): ReturnType<typeof readSettings> {
  const context: Record<string, string> = { ...BASE, ...extra };
  return readSettings((key) => context[key]);
}

describe("# readSettings", () => {
  it("should name the municipality when its name and email are given, and nobody otherwise", () => {
    expect(
      settingsWith({ municipalityName: "Gemeente Voorbeeld", municipalityEmail: "referenda@voorbeeld.example" })
        .municipality,
    ).toEqual({ name: "Gemeente Voorbeeld", email: "referenda@voorbeeld.example" });
    expect(settingsWith({}).municipality).toBeUndefined();
  });

  it("should refuse a municipality name without its email, or an email that is not one", () => {
    expect(() => settingsWith({ municipalityName: "Gemeente Voorbeeld" })).toThrow("together");
    expect(() => settingsWith({ municipalityName: "X", municipalityEmail: "not-an-email" })).toThrow(
      "municipalityEmail",
    );
  });
});
