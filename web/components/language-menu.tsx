"use client";
/**
 * The language menu: a disclosure, so six languages (and more) fit a phone's header as one small
 * button. Its label is "Language" in the reader's language and the current language's own name;
 * each choice is named in its own language (and marked with `lang`, so a screen reader speaks it in
 * that language). A native <details> is keyboard-operable and announced as expanded/collapsed
 * without scripts; choosing closes it and keeps focus on its button.
 */
import { useRef, type ReactNode } from "react";
import { useI18n } from "../lib/i18n";
import { LOCALES, LOCALE_NAMES } from "../messages";

export function LanguageMenu(): ReactNode {
  const { t, locale, setLocale } = useI18n();
  const menu = useRef<HTMLDetailsElement>(null);
  return (
    <details className="language-menu" ref={menu}>
      <summary>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" className="language-menu__globe">
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9M12 3c-2.5 2.7-3.8 5.7-3.8 9s1.3 6.3 3.8 9" />
        </svg>
        <span className="language-menu__label">{t("site.language")}:</span>{" "}
        <span lang={locale}>{LOCALE_NAMES[locale]}</span>
      </summary>
      <ul className="language-menu__list" aria-label={t("site.language")}>
        {LOCALES.map((code) => (
          <li key={code}>
            <button
              type="button"
              lang={code}
              aria-pressed={locale === code}
              onClick={() => {
                setLocale(code);
                const details = menu.current;
                if (details) {
                  details.open = false;
                  details.querySelector("summary")?.focus();
                }
              }}
            >
              {LOCALE_NAMES[code]}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
