"use client";
/** Once the key is made: where the referendum stands for its trustee, and the decryption after the close. */
import type { ReactNode } from "react";
import type { AggregateView, PublicReferendum } from "../../../functions/api/views";
import type { TrusteeSecret } from "../../../protocol/trustee-steps";
import type { PublicApi } from "../../lib/api-client";
import type { SiteConfig } from "../../lib/site-config";
import { useI18n } from "../../lib/i18n";
import { DecryptPanel } from "./trustee-decrypt";

/** The referendum as the public API has it; "draft" while it is not published (the API says not found). */
export type Published = PublicReferendum | "draft";

export function TrusteeDecryptPhase({
  api,
  config,
  secret,
  referendum,
  aggregate,
  onPublished,
}: {
  api: PublicApi;
  config: SiteConfig;
  secret: TrusteeSecret;
  referendum: Published;
  aggregate: AggregateView | null;
  onPublished: () => void;
}): ReactNode {
  const { t, formatDate } = useI18n();
  if (referendum === "draft") return <p className="notice notice--info">{t("trustee.phase.draft")}</p>;
  if (referendum.state === "open" && Date.now() / 1000 < referendum.spec.closesAt)
    return (
      <p className="notice notice--info">{t("trustee.phase.open", { date: formatDate(referendum.spec.closesAt) })}</p>
    );
  if (referendum.state === "tallied")
    return (
      <div className="notice notice--info">
        <p>{t("trustee.phase.tallied")}</p>
        <p>
          <a href={`/verify/${encodeURIComponent(referendum.id)}/`}>{t("trustee.phase.toVerify")}</a>
        </p>
      </div>
    );
  return (
    <>
      {!referendum.anchors.closed && <p className="notice notice--info">{t("trustee.phase.sealing")}</p>}
      <DecryptPanel api={api} config={config} secret={secret} aggregate={aggregate} onPublished={onPublished} />
    </>
  );
}
