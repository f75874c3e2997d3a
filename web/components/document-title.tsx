"use client";
/**
 * The browser tab's title follows the page's main heading, in the reader's language: every page
 * gets a title that says what it is (WCAG 2.4.2) without each page managing it, including pages
 * whose heading changes with their state (a receipt, a result).
 */
import { useEffect, type ReactNode } from "react";
import { useI18n } from "../lib/i18n";

export function DocumentTitle(): ReactNode {
  const { t } = useI18n();
  const site = `${t("site.name")} — ${t("site.tagline")}`;
  useEffect(() => {
    const main = document.getElementById("main");
    if (!main) return;
    const update = (): void => {
      const heading = main.querySelector("h1")?.textContent.trim();
      const title = heading ? `${heading} — ${site}` : site;
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
    };
  }, [site]);
  return null;
}
