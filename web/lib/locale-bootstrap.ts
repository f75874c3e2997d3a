/**
 * The first paint in the reader's language. The static pages are built in English; the reader's
 * language is known only in the browser (localStorage, else the browser's language). This script,
 * run in the page's head before anything is painted, sets `<html lang>` at once and, for a reader of
 * another language, keeps the page invisible until I18nProvider has rendered it in that language
 * (or a few seconds have passed, so a page whose scripts fail is still readable). English readers
 * see the text as soon as it arrives. The build moves it into a file of its own (the CSP allows no
 * inline script); CSSOM styles are not inline styles, so the CSP allows them.
 */
import { LOCALES } from "../messages/define";
import { PICK_LOCALE_CODE } from "./pick-locale";

export const LOCALE_STORAGE_KEY = "bling.locale";

/** The attribute the script sets to the language it waits for; I18nProvider removes it. */
export const LOCALE_PENDING_ATTRIBUTE = "data-locale-pending";

/** Longest wait before the page is shown anyway (ms). */
const REVEAL_AFTER_MS = 4000;

export const LOCALE_BOOTSTRAP = `(function () {
  try {
    ${PICK_LOCALE_CODE}
    var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    var saved = window.localStorage.getItem(${JSON.stringify(LOCALE_STORAGE_KEY)});
    var locale = pickLocale(saved, languages, ${JSON.stringify(LOCALES)});
    var root = document.documentElement;
    root.lang = locale;
    if (locale === "en") return;
    root.setAttribute(${JSON.stringify(LOCALE_PENDING_ATTRIBUTE)}, locale);
    root.style.visibility = "hidden";
    setTimeout(function () {
      root.removeAttribute(${JSON.stringify(LOCALE_PENDING_ATTRIBUTE)});
      root.style.visibility = "";
    }, ${REVEAL_AFTER_MS});
  } catch (error) {
    document.documentElement.style.visibility = "";
  }
})();`;

/** Shows the page once it is rendered in the language the bootstrap waited for. */
export function revealLocale(locale: string): void {
  const root = document.documentElement;
  if (root.getAttribute(LOCALE_PENDING_ATTRIBUTE) !== locale) return;
  root.removeAttribute(LOCALE_PENDING_ATTRIBUTE);
  root.style.visibility = "";
}
