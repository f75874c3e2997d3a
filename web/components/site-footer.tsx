"use client";
import { useI18n } from "../lib/i18n";
import { useMunicipality } from "./site-pages/municipality";
import "./site-pages/site-pages.css";

export function SiteFooter(): React.ReactNode {
  const { t } = useI18n();
  const { name } = useMunicipality();
  return (
    <footer className="site-footer">
      <nav aria-label={t("pages.footer.nav")} className="footer-nav">
        <ul>
          <li>
            <a href="/about/">{t("pages.footer.about")}</a>
          </li>
          <li>
            <a href="/privacy/">{t("pages.footer.privacy")}</a>
          </li>
          <li>
            <a href="/accessibility/">{t("pages.footer.accessibility")}</a>
          </li>
        </ul>
      </nav>
      <p>{t("pages.runBy", { municipality: name })}</p>
      <p>{t("site.footer")}</p>
    </footer>
  );
}
