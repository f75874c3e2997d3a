"use client";
/** The recovery code shown for saving: a code box with Download (a .txt file), Copy and Print (this box alone). */
import { useEffect, useState, type ReactNode } from "react";
import { useI18n } from "../../lib/i18n";
import { RECOVERY_FILE_NAME, recoveryFileText } from "./recovery";
import "./citizen.css";

export function RecoveryCodeBox({ code }: { code: string }): ReactNode {
  const { t } = useI18n();
  const [href, setHref] = useState<string | null>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const heading = t("citizen.recovery.fileHeading");
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([recoveryFileText(code, heading)], { type: "text/plain" }));
    setHref(url);
    return () => {
      URL.revokeObjectURL(url);
    };
  }, [code, heading]);
  const copyCode = (): void => {
    navigator.clipboard.writeText(code).then(
      () => {
        setCopy("copied");
      },
      () => {
        setCopy("failed");
      },
    );
  };
  return (
    <div className="citizen-recovery">
      <p className="citizen-print-only">{heading}</p>
      <p>
        <strong>{t("citizen.recovery.label")}</strong>
      </p>
      <p className="code-box" data-testid="recovery-code">
        {code}
      </p>
      <div className="actions">
        {href && (
          <a className="button button--secondary" href={href} download={RECOVERY_FILE_NAME}>
            {t("citizen.recovery.download")}
          </a>
        )}
        <button type="button" className="button button--secondary" onClick={copyCode}>
          {t("citizen.recovery.copy")}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            window.print();
          }}
        >
          {t("citizen.recovery.print")}
        </button>
      </div>
      <p role="status">
        {copy === "copied" && t("citizen.recovery.copied")}
        {copy === "failed" && t("citizen.recovery.copyFailed")}
      </p>
    </div>
  );
}
