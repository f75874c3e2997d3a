"use client";
/**
 * A referendum's number on one line: ids are uint256 hashes of up to 78 digits, which wrap into a
 * block of digits on a phone. The line shows the first and last digits (enough to compare with an
 * address), and the whole number is one click away in a native <details>, selectable for copying.
 */
import type { ReactNode } from "react";
import { useI18n } from "../../lib/i18n";
import { shortReferendumId } from "./view";

/** The whole number behind a disclosure, or nothing when the number is already short. */
export function FullNumber({ id }: { id: string }): ReactNode {
  const { t } = useI18n();
  if (shortReferendumId(id) === id) return null;
  return (
    <details className="verify-full-number">
      <summary>{t("verify.number.showFull")}</summary>
      <p className="mono">{id}</p>
    </details>
  );
}

/** "Referendum number 12345678…87654321", then anything beside it (a state badge), then the full number. */
export function ReferendumNumber({
  id,
  className,
  children,
}: {
  id: string;
  className?: string;
  children?: ReactNode;
}): ReactNode {
  const { t } = useI18n();
  return (
    <div className={className ? `verify-number ${className}` : "verify-number"}>
      <p>
        {t("verify.page.number", { id: shortReferendumId(id) })}
        {children}
      </p>
      <FullNumber id={id} />
    </div>
  );
}
