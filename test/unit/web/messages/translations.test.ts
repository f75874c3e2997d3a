import { LOCALES, MESSAGES, type MessageKey } from "../../../../web/messages";

/** `{name}` placeholders of a string, sorted: a translation must fill the same ones as the English. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "").sort();
}

const keys = Object.keys(MESSAGES.en) as MessageKey[];

describe.each(LOCALES.filter((locale) => locale !== "en"))("the %s translation", (locale) => {
  it("has every key of the English source and no other", () => {
    expect(Object.keys(MESSAGES[locale]).sort()).toEqual([...keys].sort());
  });

  it("keeps every placeholder of the English string", () => {
    const wrong = keys.filter(
      (key) => placeholders(MESSAGES[locale][key]).join() !== placeholders(MESSAGES.en[key]).join(),
    );
    expect(wrong).toEqual([]);
  });

  it("translates every sentence (no English string left in place)", () => {
    // Names, numbers and placeholders-only strings are the same in every language.
    const same = keys.filter((key) => {
      const english = MESSAGES.en[key];
      return MESSAGES[locale][key] === english && /[a-z]{3,}\s+[a-z]{3,}/i.test(english.replace(/\{\w+\}/g, ""));
    });
    expect(same).toEqual([]);
  });
});
