/**
 * Every string of the site, by language. Each feature keeps its English strings in its own file
 * (keys prefixed by the feature); this index joins them, so a key is defined once and `t()` knows
 * every key's name. Each other language is one file of type `Translation`.
 */
import { ceremonyMessages } from "./ceremony";
import { citizenMessages } from "./citizen";
import { commonMessages } from "./common";
import { councilMessages } from "./council";
import { councilTrusteeMessages } from "./council-trustees";
import { errorMessages } from "./errors";
import { sitePageMessages } from "./site-pages";
import { trusteeMessages } from "./trustee";
import { verifyMessages } from "./verify";
import { nl } from "./nl";
import { de } from "./de";
import { da } from "./da";
import { sv } from "./sv";
import { nb } from "./nb";
import { LOCALES, LOCALE_NAMES, type Locale } from "./define";

const EN = {
  ...commonMessages,
  ...errorMessages,
  ...citizenMessages,
  ...councilMessages,
  ...councilTrusteeMessages,
  ...trusteeMessages,
  ...verifyMessages,
  ...sitePageMessages,
  ...ceremonyMessages,
};

export type MessageKey = keyof typeof EN;

/** One language's strings: every key of the English source, no other. */
export type Translation = Record<MessageKey, string>;

export const MESSAGES: Record<Locale, Translation> = { en: EN, nl, de, da, sv, nb };

export { LOCALES, LOCALE_NAMES, type Locale };
