/** A failed key generation names the trustee at fault by name, in the reader's language. */
import { faultText, trusteeName } from "../../../../web/components/trustee/dkg-faults";
import { MESSAGES, type Locale, type MessageKey } from "../../../../web/messages";
import type { DkgView } from "../../../../functions/api/views";

const view = {
  transcript: {
    members: [
      { index: 1, name: "Alice", key: null },
      { index: 2, name: "Bob", key: null },
    ],
  },
} as unknown as DkgView;
/** The site's `t` without React (web/lib/i18n.tsx fills placeholders the same way). */
const translate = (locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string =>
  MESSAGES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));
const en = (key: MessageKey, vars?: Record<string, string | number>): string => translate("en", key, vars);

describe("# key-generation faults", () => {
  it("should name the dealer of a bad share and its recipient", () => {
    expect(faultText(en, view, { trustee: 1, reason: "dealt trustee 2 a share that fails its commitments" })).toBe(
      "Alice gave Bob a part of the key that does not match what Alice published.",
    );
  });

  it("should name a false complaint's complainant, and say a failed dry run plainly", () => {
    expect(faultText(en, view, { trustee: 2, reason: "complained about trustee 1's valid share" })).toBe(
      "Bob complained about a correct part of the key from Alice.",
    );
    expect(faultText(en, view, { trustee: 0, reason: "the dry run did not decrypt to 1" })).toBe(
      "The test decryption did not give the expected result.",
    );
    expect(faultText((key, vars) => translate("nl", key, vars), view, { trustee: 2, reason: "something new" })).toBe(
      "Bob: something new",
    );
    expect(trusteeName(view, 3)).toBe("#3");
  });
});
