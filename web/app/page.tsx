"use client";
import type { ReactNode } from "react";
import { ReferendumCard } from "../components/home/referendum-card";
import { HomeGuide } from "../components/site-pages/home-guide";
import { ApiErrorNotice, ErrorNotice, Loading } from "../components/status";
import { useI18n } from "../lib/i18n";
import { usePublicReferenda, useSite } from "../lib/use-site";

export default function HomePage(): ReactNode {
  const { t } = useI18n();
  const site = useSite();
  const { referenda, error } = usePublicReferenda(site);
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>
      {site.status === "error" && <ErrorNotice>{t("common.configError", { detail: site.detail })}</ErrorNotice>}
      {error !== null && <ApiErrorNotice error={error} />}
      {referenda === null && error === null && site.status !== "error" && <Loading />}
      {referenda?.length === 0 && <p>{t("home.none")}</p>}
      {referenda && referenda.length > 0 && (
        <ul className="card-list">
          {referenda.map((referendum) => (
            <ReferendumCard key={referendum.id} referendum={referendum} />
          ))}
        </ul>
      )}
      <HomeGuide />
    </>
  );
}
