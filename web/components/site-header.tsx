"use client";
import Link from "next/link";
import { useI18n } from "../lib/i18n";
import { LanguageMenu } from "./language-menu";

export function SiteHeader(): React.ReactNode {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("site.skipToContent")}
      </a>
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand">
          <span className="site-header__name">{t("site.name")}</span>
          <span className="site-header__tagline">{t("site.tagline")}</span>
        </Link>
        <nav aria-label={t("site.mainNav")} className="site-nav">
          <ul>
            <li>
              <Link href="/">{t("nav.home")}</Link>
            </li>
            <li>
              <Link href="/register/">{t("nav.register")}</Link>
            </li>
            <li>
              <Link href="/identity/">{t("nav.identity")}</Link>
            </li>
            <li>
              <Link href="/verify/">{t("nav.verify")}</Link>
            </li>
            <li>
              <Link href="/council/">{t("nav.council")}</Link>
            </li>
          </ul>
        </nav>
        <LanguageMenu />
      </div>
    </header>
  );
}
