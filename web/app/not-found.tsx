"use client";
import type { ReactNode } from "react";
import { useI18n } from "../lib/i18n";

export default function NotFound(): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <h1>{t("common.notFound")}</h1>
      <p>
        <a href="/">{t("common.toHome")}</a>
      </p>
    </>
  );
}
