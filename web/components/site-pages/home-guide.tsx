"use client";
/** The start page's guidance under the referenda: who runs this, how voting works, what you need, help. */
import type { ReactNode } from "react";
import { useI18n } from "../../lib/i18n";
import { useMunicipality, WithContact } from "./municipality";

export function HomeGuide(): ReactNode {
  const { t } = useI18n();
  const { name, details } = useMunicipality();
  return (
    <div className="home-guide">
      <section aria-labelledby="home-how-heading">
        <h2 id="home-how-heading">{t("pages.home.howHeading")}</h2>
        <ol>
          <li>{t("pages.home.how1")}</li>
          <li>{t("pages.home.how2")}</li>
          <li>{t("pages.home.how3")}</li>
          <li>{t("pages.home.how4")}</li>
        </ol>
        <p>
          <a className="button button--secondary" href="/register/">
            {t("pages.home.register")}
          </a>
        </p>
      </section>
      <section aria-labelledby="home-need-heading">
        <h2 id="home-need-heading">{t("pages.home.needHeading")}</h2>
        <ul>
          <li>{t("pages.home.need1")}</li>
          <li>{t("pages.home.need2")}</li>
          <li>{t("pages.home.need3")}</li>
        </ul>
      </section>
      <section aria-labelledby="home-who-heading">
        <h2 id="home-who-heading">{t("pages.home.whoHeading")}</h2>
        <p>{t("pages.home.who", { municipality: name })}</p>
      </section>
      <section aria-labelledby="home-help-heading">
        <h2 id="home-help-heading">{t("pages.home.helpHeading")}</h2>
        <p>
          {details ? (
            <WithContact messageKey="pages.home.help" email={details.email} vars={{ municipality: name }} />
          ) : (
            t("pages.home.helpNoContact")
          )}
        </p>
      </section>
    </div>
  );
}
