"use client";
import { useI18n } from "../lib/i18n";

export function SiteFooter(): React.ReactNode {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <p>{t("site.footer")}</p>
    </footer>
  );
}
