/**
 * Which language a reader gets: their own earlier choice, else the first of the browser's
 * languages (`navigator.languages`, in the reader's order of preference) that the site has, else
 * English. Languages are matched by their primary subtag ("de-AT" reads German); Norwegian is
 * tagged three ways (`no` macrolanguage, `nb` Bokmål, `nn` Nynorsk) and all three read Bokmål,
 * the written standard most Norwegians use, when the site has it.
 *
 * The head's script (locale-bootstrap.ts) must pick the same language before the first paint, and
 * it cannot import this module, so PICK_LOCALE_CODE is the same rule as plain script; a property
 * test holds the two to the same answers.
 */

const NORWEGIAN = ["no", "nb", "nn"];
const BOKMAL = "nb";
const FALLBACK = "en";

/** The primary subtag of a BCP 47 tag, lower case ("nb-NO" → "nb", "en_GB" → "en"). */
function primarySubtag(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? "").toLowerCase();
}

/** The site's language for one browser language tag, or undefined if the site does not have it. */
function matchLocale<L extends string>(tag: string, locales: readonly L[]): L | undefined {
  const primary = primarySubtag(tag);
  const wanted = NORWEGIAN.includes(primary) ? BOKMAL : primary;
  return locales.find((locale) => locale === wanted);
}

/**
 * The reader's language: `saved` (their stored choice) when the site has it, else the first
 * match among the browser's `languages`, else English (or the first locale if there is no English).
 */
export function pickLocale<L extends string>(
  saved: string | null | undefined,
  languages: readonly string[],
  locales: readonly L[],
): L {
  const stored = locales.find((locale) => locale === saved);
  if (stored !== undefined) return stored;
  for (const tag of languages) {
    const match = matchLocale(tag, locales);
    if (match !== undefined) return match;
  }
  const fallback = locales.find((locale) => locale === FALLBACK) ?? locales[0];
  if (fallback === undefined) throw new TypeError("pickLocale: locales is empty");
  return fallback;
}

/**
 * pickLocale as an ES5 function declaration for the head's inline script (no imports, no
 * transpiler): `pickLocale(saved, languages, locales)`.
 */
export const PICK_LOCALE_CODE = `function pickLocale(saved, languages, locales) {
  var norwegian = ${JSON.stringify(NORWEGIAN)};
  if (locales.indexOf(saved) >= 0) return saved;
  for (var i = 0; i < languages.length; i++) {
    var primary = String(languages[i]).split(/[-_]/)[0].toLowerCase();
    var wanted = norwegian.indexOf(primary) >= 0 ? ${JSON.stringify(BOKMAL)} : primary;
    if (locales.indexOf(wanted) >= 0) return wanted;
  }
  if (locales.indexOf(${JSON.stringify(FALLBACK)}) >= 0) return ${JSON.stringify(FALLBACK)};
  if (locales.length === 0) throw new TypeError("pickLocale: locales is empty");
  return locales[0];
}`;

/** The browser's languages in the reader's order (older browsers have only `language`). */
export function browserLanguages(nav: Pick<Navigator, "languages" | "language">): readonly string[] {
  return nav.languages.length > 0 ? nav.languages : [nav.language];
}
