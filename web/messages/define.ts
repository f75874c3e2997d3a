/**
 * The site's languages. English is the source: each feature file holds its English strings, and
 * every other language is one file (`nl.ts`, ...) typed to have exactly the same keys, so a
 * missing translation is a build error. Placeholders are `{name}`, filled by `t(key, { name })`.
 */
export const LOCALES = ["en", "nl", "de", "da", "sv", "nb"] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in that language, for the language menu. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  nl: "Nederlands",
  de: "Deutsch",
  da: "Dansk",
  sv: "Svenska",
  nb: "Norsk bokmål",
};
