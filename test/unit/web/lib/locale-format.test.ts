import { localeFormats } from "../../../../web/lib/locale-format";
import { translate } from "../../../../web/lib/translate";
import { LOCALES, MESSAGES, type MessageKey } from "../../../../web/messages";

/** Languages whose formats differ from English and Dutch in ways a hard-coded format would miss. */
const OTHERS = ["de", "da", "sv", "nb"] as const;

describe("# localeFormats", () => {
  it.each([...LOCALES, ...OTHERS])("should write percentages as %s does, to one decimal", (locale) => {
    const { formatPercent } = localeFormats(locale);
    const intl = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
    expect(formatPercent(12.5)).toBe(intl.format(0.125));
    expect(formatPercent(100 / 3)).toBe(intl.format(1 / 3));
    expect(formatPercent(0)).toBe(intl.format(0));
  });

  it("should put the percent sign where each language does", () => {
    expect(localeFormats("en").formatPercent(12.5)).toBe("12.5%");
    expect(localeFormats("nl").formatPercent(12.5)).toBe("12,5%");
    // German and the Scandinavian languages put a (non-breaking) space before it.
    expect(localeFormats("de").formatPercent(12.5)).toBe("12,5\u00a0%");
  });

  it.each([...LOCALES, ...OTHERS])("should write dates and numbers as %s does", (locale) => {
    const { formatDate, formatNumber } = localeFormats(locale);
    const at = Date.UTC(2026, 4, 17, 9, 30) / 1000;
    expect(formatDate(at)).toBe(
      new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short" }).format(new Date(at * 1000)),
    );
    expect(formatNumber(1234567)).toBe(new Intl.NumberFormat(locale).format(1234567));
    expect(formatNumber(12345678901234567890n)).toBe(new Intl.NumberFormat(locale).format(12345678901234567890n));
  });
});

describe.each(LOCALES)("# the %s messages", (locale) => {
  it("should leave percent signs to the locale's percent format (no `{x}%`)", () => {
    const keys = Object.keys(MESSAGES[locale]) as MessageKey[];
    expect(keys.filter((key) => /\{\w+\}\s*%/.test(MESSAGES[locale][key]))).toEqual([]);
  });

  it("should show a result's share in the locale's percent format", () => {
    const share = localeFormats(locale).formatPercent(12.5);
    expect(translate(locale, "result.value", { count: 3, share })).toContain(share);
    expect(translate(locale, "result.value", { count: 3, share })).not.toContain(`${share}%`);
  });
});
