/**
 * Every string of the site, by language. Each feature keeps its own file (keys prefixed by the
 * feature); this index joins them, so a key is defined once and `t()` knows every key's name.
 */
import { citizenMessages } from "./citizen";
import { commonMessages } from "./common";
import { councilMessages } from "./council";
import { councilTrusteeMessages } from "./council-trustees";
import { errorMessages } from "./errors";
import { sitePageMessages } from "./site-pages";
import { trusteeMessages } from "./trustee";
import { verifyMessages } from "./verify";
import { LOCALES, type Locale } from "./define";

const parts = [
  commonMessages,
  errorMessages,
  citizenMessages,
  councilMessages,
  councilTrusteeMessages,
  trusteeMessages,
  verifyMessages,
  sitePageMessages,
] as const;

type KeysOf<P> = P extends Record<Locale, infer M> ? keyof M & string : never;
export type MessageKey = KeysOf<(typeof parts)[number]>;

export const MESSAGES = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    Object.assign({}, ...parts.map((part) => part[locale])) as Record<MessageKey, string>,
  ]),
) as Record<Locale, Record<MessageKey, string>>;

export { LOCALES, type Locale };
