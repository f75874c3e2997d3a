import { MESSAGES, type Locale, type MessageKey } from "../messages";

/** Fills `{name}` placeholders; numbers in the locale's format. */
export function translate(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const format = new Intl.NumberFormat(locale);
  return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? format.format(value) : value;
  });
}
