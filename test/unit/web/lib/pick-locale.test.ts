import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { LOCALE_BOOTSTRAP, LOCALE_STORAGE_KEY } from "../../../../web/lib/locale-bootstrap";
import { PICK_LOCALE_CODE, pickLocale } from "../../../../web/lib/pick-locale";
import { LOCALES } from "../../../../web/messages";
import { FUZZ_RUNS } from "../../../fixtures/fuzz";

/** The site's languages once the North Sea languages are in, for rules that must hold then too. */
const NORTH_SEA = ["en", "nl", "de", "da", "sv", "nb"] as const;

/** pickLocale as the head's script runs it: the plain-script copy, in a fresh JS realm. */
function scriptPickLocale(saved: string | null, languages: readonly string[], locales: readonly string[]): string {
  const run = runInNewContext(`${PICK_LOCALE_CODE}; pickLocale`) as (
    saved: string | null,
    languages: readonly string[],
    locales: readonly string[],
  ) => string;
  return run(saved, [...languages], [...locales]);
}

interface BootedPage {
  lang: string;
  pending: string | null;
  visibility: string;
}

/** Runs the head's whole bootstrap script against a fake browser and reports what it did to <html>. */
function runBootstrap(saved: string | null, languages: readonly string[], language = languages[0] ?? ""): BootedPage {
  const attributes = new Map<string, string>();
  const root = {
    lang: "en",
    style: { visibility: "" },
    setAttribute: (name: string, value: string) => attributes.set(name, value),
    removeAttribute: (name: string) => attributes.delete(name),
  };
  runInNewContext(LOCALE_BOOTSTRAP, {
    window: { localStorage: { getItem: (key: string) => (key === LOCALE_STORAGE_KEY ? saved : null) } },
    navigator: { languages: [...languages], language },
    document: { documentElement: root },
    setTimeout: () => 0,
  });
  return { lang: root.lang, pending: attributes.get("data-locale-pending") ?? null, visibility: root.style.visibility };
}

const tag = fc
  .tuple(
    fc.oneof(
      fc.constantFrom("en", "nl", "de", "da", "sv", "nb", "no", "nn", "fr", "fy", "NB", "De"),
      fc.stringMatching(/^[a-z]{2,3}$/),
    ),
    fc.option(fc.constantFrom("-NO", "-GB", "-BE", "_DK", "-Latn-AT", "-CH"), { nil: "" }),
  )
  .map(([primary, region]) => `${primary}${region}`);
const localeSet = fc.subarray([...NORTH_SEA, "fr"], { minLength: 1 });
const saved = fc.option(fc.oneof(fc.constantFrom(...NORTH_SEA, "no", "NL", ""), fc.string({ maxLength: 4 })), {
  nil: null,
});

describe("# pickLocale", () => {
  it.each([
    [null, ["de-DE", "en"], NORTH_SEA, "de"],
    [null, ["fr-FR", "nl-BE", "en"], NORTH_SEA, "nl"],
    [null, ["fr-FR", "es"], NORTH_SEA, "en"],
    [null, [], NORTH_SEA, "en"],
    [null, ["no-NO"], NORTH_SEA, "nb"],
    [null, ["nn-NO", "en"], NORTH_SEA, "nb"],
    [null, ["nb-NO"], NORTH_SEA, "nb"],
    [null, ["no"], NORTH_SEA, "nb"],
    [null, ["nn", "sv-SE"], ["en", "nl", "sv"], "sv"],
    [null, ["nb"], ["en", "nl"], "en"],
    [null, ["da-DK"], ["nl", "da"], "da"],
    ["nl", ["de-DE"], NORTH_SEA, "nl"],
    ["sv", ["de-DE"], ["en", "nl"], "en"],
    ["xx", ["da"], NORTH_SEA, "da"],
    [null, ["fr"], ["nl", "de"], "nl"],
  ] as const)(
    "should pick for a saved %p and a browser reading %p (site: %p) %p",
    (choice, languages, locales, want) => {
      expect(pickLocale(choice, languages, locales)).toBe(want);
      expect(scriptPickLocale(choice, languages, locales)).toBe(want);
    },
  );

  it("[fuzz] should let a saved choice the site has win over every browser language", () => {
    fc.assert(
      fc.property(localeSet, fc.array(tag, { maxLength: 4 }), fc.nat(), (locales, languages, index) => {
        const choice = locales[index % locales.length] ?? "";
        expect(pickLocale(choice, languages, locales)).toBe(choice);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("[fuzz] should take the first browser language the site has, by primary subtag", () => {
    fc.assert(
      fc.property(localeSet, fc.array(tag, { maxLength: 5 }), (locales, languages) => {
        const picked = pickLocale(null, languages, locales);
        const norwegian = (primary: string) => (["no", "nb", "nn"].includes(primary) ? "nb" : primary);
        const wanted = languages.map((language) => norwegian(language.split(/[-_]/)[0]?.toLowerCase() ?? ""));
        const first = wanted.find((locale) => (locales as readonly string[]).includes(locale));
        expect(picked).toBe(first ?? (locales.includes("en") ? "en" : locales[0]));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("[fuzz] should pick the same in the head's script as in the app", () => {
    fc.assert(
      fc.property(saved, fc.array(tag, { maxLength: 5 }), localeSet, (choice, languages, locales) => {
        expect(scriptPickLocale(choice, languages, locales)).toBe(pickLocale(choice, languages, locales));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("# LOCALE_BOOTSTRAP", () => {
  it("[fuzz] should set <html lang> to the language the app will render, for the site's languages", () => {
    fc.assert(
      fc.property(saved, fc.array(tag, { maxLength: 5 }), (choice, languages) => {
        const page = runBootstrap(choice, languages);
        const locale = pickLocale(choice, languages, LOCALES);
        expect(page.lang).toBe(locale);
        // Only a reader of another language waits (hidden) for the app to render in it.
        expect(page.pending).toBe(locale === "en" ? null : locale);
        expect(page.visibility).toBe(locale === "en" ? "" : "hidden");
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("should read the browser's whole list of languages, not only the first", () => {
    expect(runBootstrap(null, ["fr-FR", "nl-NL"], "fr-FR").lang).toBe("nl");
  });

  it("should fall back to navigator.language in a browser without navigator.languages", () => {
    expect(runBootstrap(null, [], "nl-BE").lang).toBe("nl");
  });
});
