"use client";
/**
 * The pages a municipality's site must have: about and contact, the privacy statement and the
 * accessibility statement (EU Web Accessibility Directive; "toegankelijkheidsverklaring"), each
 * naming the municipality and its contact from the site configuration.
 */
import type { ReactNode } from "react";
import { useI18n } from "../../lib/i18n";
import { EmailLink, useMunicipality, WithContact } from "./municipality";

export function AboutPage(): ReactNode {
  const { t } = useI18n();
  const { name, details } = useMunicipality();
  return (
    <>
      <h1>{t("pages.about.title")}</h1>
      <p className="lead">{t("pages.about.intro")}</p>
      <p>{t("pages.runBy", { municipality: name })}</p>
      <h2 id="contact">{t("pages.about.contactHeading")}</h2>
      {details ? (
        <ul className="contact-list">
          <li>
            {t("pages.about.email", { email: "" })}
            <EmailLink email={details.email} />
          </li>
          {details.phone && <li>{t("pages.about.phone", { phone: details.phone })}</li>}
          {details.website && (
            <li>
              {t("pages.about.website", { website: "" })}
              <a href={details.website}>{details.website}</a>
            </li>
          )}
        </ul>
      ) : (
        <p>{t("pages.about.noContact")}</p>
      )}
    </>
  );
}

/** A paragraph with the municipality's email link, or its "see your municipality" fallback. */
function ContactLine({ messageKey }: { messageKey: "pages.privacy.contact" | "pages.a11y.feedback" }): ReactNode {
  const { t } = useI18n();
  const { details } = useMunicipality();
  return (
    <p>
      {details ? (
        <WithContact messageKey={messageKey} email={details.email} />
      ) : (
        t(messageKey, { contact: t("pages.yourMunicipality") })
      )}
    </p>
  );
}

export function PrivacyPage(): ReactNode {
  const { t } = useI18n();
  const { name } = useMunicipality();
  return (
    <>
      <h1>{t("pages.privacy.title")}</h1>
      <p className="lead">{t("pages.privacy.intro", { municipality: name })}</p>
      <h2>{t("pages.privacy.whatHeading")}</h2>
      <ul>
        <li>{t("pages.privacy.what1")}</li>
        <li>{t("pages.privacy.what2")}</li>
        <li>{t("pages.privacy.what3")}</li>
      </ul>
      <h2>{t("pages.privacy.deviceHeading")}</h2>
      <p>{t("pages.privacy.device")}</p>
      <h2>{t("pages.privacy.rightsHeading")}</h2>
      <p>{t("pages.privacy.rights")}</p>
      <ContactLine messageKey="pages.privacy.contact" />
    </>
  );
}

export function AccessibilityPage(): ReactNode {
  const { t } = useI18n();
  const { name } = useMunicipality();
  return (
    <>
      <h1>{t("pages.a11y.title")}</h1>
      <p className="lead">{t("pages.a11y.intro", { municipality: name })}</p>
      <h2>{t("pages.a11y.statusHeading")}</h2>
      <p>{t("pages.a11y.status")}</p>
      <h2>{t("pages.a11y.knownHeading")}</h2>
      <p>{t("pages.a11y.known")}</p>
      <h2>{t("pages.a11y.feedbackHeading")}</h2>
      <ContactLine messageKey="pages.a11y.feedback" />
    </>
  );
}
