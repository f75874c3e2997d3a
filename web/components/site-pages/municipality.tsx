"use client";
/**
 * Who runs the site, from `/config.json` (web/lib/site-config.ts): its name and contact details,
 * never written in code. Until the config is read, or when it names nobody, "your municipality".
 */
import type { ReactNode } from "react";
import { useI18n } from "../../lib/i18n";
import type { SiteConfig } from "../../lib/site-config";
import { useSite } from "../../lib/use-site";
import type { MessageKey } from "../../messages";

export type Municipality = NonNullable<SiteConfig["municipality"]>;

/** The municipality's name for running text, and its details when the config names them. */
export function useMunicipality(): { name: string; details: Municipality | null } {
  const { t } = useI18n();
  const site = useSite();
  const details = site.status === "ready" ? (site.config.municipality ?? null) : null;
  return { name: details?.name ?? t("pages.yourMunicipality"), details };
}

/** A mailto link to the municipality's address. */
export function EmailLink({ email }: { email: string }): ReactNode {
  return <a href={`mailto:${email}`}>{email}</a>;
}

/** A sentence with `{contact}` filled by the municipality's email link (its other placeholders by `vars`). */
export function WithContact({
  messageKey,
  email,
  vars = {},
}: {
  messageKey: MessageKey;
  email: string;
  vars?: Record<string, string>;
}): ReactNode {
  const { t } = useI18n();
  const marker = "\u0000";
  const [before, after] = t(messageKey, { ...vars, contact: marker }).split(marker);
  return (
    <>
      {before}
      <EmailLink email={email} />
      {after}
    </>
  );
}
