"use client";
/**
 * After a restore: the open referenda this key can vote in (their frozen electorates checked in
 * this browser), so a citizen sees at once whether the code was the right one.
 */
import { useEffect, useState, type ReactNode } from "react";
import type { Identity } from "../../../protocol/identity";
import type { PublicReferendum } from "../../../functions/api/views";
import { useI18n } from "../../lib/i18n";
import { useSite } from "../../lib/use-site";
import { isInFrozenCensus } from "./membership";

function isOpen(referendum: PublicReferendum, now: number): boolean {
  return referendum.state === "open" && now < referendum.spec.closesAt;
}

export function KeyWhere({ identity }: { identity: Identity }): ReactNode {
  const { t } = useI18n();
  const site = useSite();
  const [found, setFound] = useState<PublicReferendum[] | null | "failed">(null);
  useEffect(() => {
    if (site.status !== "ready") return;
    let stopped = false;
    const { api } = site;
    const now = Date.now() / 1000;
    api
      .referenda()
      .then(async (referenda) => {
        const open = referenda.filter((referendum) => isOpen(referendum, now));
        const inside = await Promise.all(open.map((referendum) => isInFrozenCensus(api, referendum.spec, identity)));
        return open.filter((_, i) => inside[i]);
      })
      .then(
        (list) => {
          if (!stopped) setFound(list);
        },
        () => {
          if (!stopped) setFound("failed");
        },
      );
    return () => {
      stopped = true;
    };
  }, [site, identity]);
  if (found === null) return <p role="status">{t("citizen.where.checking")}</p>;
  if (found === "failed") return <p role="status">{t("citizen.where.failed")}</p>;
  if (found.length === 0) return <p role="status">{t("citizen.where.none")}</p>;
  return (
    <>
      <p role="status">{t("citizen.where.some")}</p>
      <ul>
        {found.map((referendum) => (
          <li key={referendum.id}>
            <a href={`/vote/${encodeURIComponent(referendum.id)}/`}>{referendum.spec.title}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
