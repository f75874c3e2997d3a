"use client";
/**
 * Languages on a static site: the page is built in English and switches on the client to the
 * reader's choice (kept in localStorage, first taken from the browser), with dates and numbers
 * in that language's format. A script in the head (locale-bootstrap.ts) sets the language before
 * the first paint and hides the English build from other readers until this has rendered.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { LOCALES, type Locale, type MessageKey } from "../messages";
import { LOCALE_STORAGE_KEY, revealLocale } from "./locale-bootstrap";
import { localeFormats } from "./locale-format";
import { translate } from "./translate";
import { browserLanguages, pickLocale } from "./pick-locale";

const STORAGE_KEY = LOCALE_STORAGE_KEY;

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export { translate };

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  formatDate: (unixSeconds: number) => string;
  formatNumber: (value: number | bigint) => string;
  /** A percentage (0..100) in the locale's format: pass the result as a message's `{share}`. */
  formatPercent: (percent: number) => string;
}

function initialLocale(): Locale {
  return pickLocale(window.localStorage.getItem(STORAGE_KEY), browserLanguages(navigator), LOCALES);
}

function makeI18n(locale: Locale, setLocale: (locale: Locale) => void): I18n {
  return {
    locale,
    setLocale,
    t: (key, vars) => translate(locale, key, vars),
    ...localeFormats(locale),
  };
}

const I18nContext = createContext<I18n>(
  makeI18n("en", () => {
    throw new Error("useI18n outside I18nProvider");
  }),
);

export function I18nProvider({ children }: { children: ReactNode }): ReactNode {
  const [locale, setLocaleState] = useState<Locale>("en");
  useEffect(() => {
    setLocaleState(initialLocale());
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    // Rendered in the language the head's script chose (web/lib/locale-bootstrap.ts): show the page.
    revealLocale(locale);
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  const value = useMemo(() => makeI18n(locale, setLocale), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
