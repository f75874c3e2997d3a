/** The site's languages: every string exists in each (the type makes a missing translation a build error). */
export const LOCALES = ["en", "nl"] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * One feature's strings in every language: `nl` must have exactly the keys of `en`.
 * Placeholders are `{name}`, filled by `t(key, { name })`.
 */
export function defineMessages<const T extends Record<string, string>>(
  en: T,
  nl: { [K in keyof T]: string },
): Record<Locale, Record<keyof T, string>> {
  return { en, nl };
}
