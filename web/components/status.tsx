"use client";
/** Messages that assistive technology announces: errors (alert) and progress or success (status). */
import type { ReactNode } from "react";
import { ApiError } from "../lib/api-client";
import { useI18n } from "../lib/i18n";

export function ErrorNotice({ children }: { children: ReactNode }): ReactNode {
  return (
    <div className="notice notice--error" role="alert">
      {children}
    </div>
  );
}

export function SuccessNotice({ children }: { children: ReactNode }): ReactNode {
  return (
    <div className="notice notice--success" role="status">
      {children}
    </div>
  );
}

/** The translated message for any failure: an API error code, or a generic one. */
export function ApiErrorNotice({ error }: { error: unknown }): ReactNode {
  const { t } = useI18n();
  const code = error instanceof ApiError ? error.code : "INTERNAL";
  return (
    <ErrorNotice>
      <p data-error-code={code}>{t(`error.${code}`)}</p>
    </ErrorNotice>
  );
}

export function Loading(): ReactNode {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t("common.loading")}
    </p>
  );
}
