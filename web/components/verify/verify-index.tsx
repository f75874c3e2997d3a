"use client";
/** `/verify/`: what verification checks, a form for a referendum number, and every referendum to verify. */
import { useState, type SyntheticEvent, type ReactNode } from "react";
import { useI18n } from "../../lib/i18n";
import { usePublicReferenda, useSite } from "../../lib/use-site";
import { isReferendumId } from "./view";
import { ApiErrorNotice, ErrorNotice, Loading } from "../status";
import { ReferendumNumber } from "./referendum-number";
import "./verify.css";

const CHECKS = ["spec", "census", "ceremony", "proofs", "nullifiers", "log", "tally"] as const;

function NumberForm(): ReactNode {
  const { t } = useI18n();
  const [value, setValue] = useState("");
  const [invalid, setInvalid] = useState(false);
  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (!isReferendumId(value)) {
      setInvalid(true);
      return;
    }
    window.location.assign(`/verify/${value.trim()}/`);
  };
  return (
    <section aria-labelledby="verify-form-heading">
      <h2 id="verify-form-heading">{t("verify.index.formHeading")}</h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="verify-number">{t("verify.index.formLabel")}</label>
          <p className="hint" id="verify-number-hint">
            {t("verify.index.formHint")}
          </p>
          {invalid && (
            <p className="field-error" id="verify-number-error" role="alert">
              {t("verify.index.formInvalid")}
            </p>
          )}
          <input
            id="verify-number"
            type="text"
            name="referendum"
            inputMode="numeric"
            autoComplete="off"
            value={value}
            aria-invalid={invalid}
            aria-describedby={invalid ? "verify-number-hint verify-number-error" : "verify-number-hint"}
            onChange={(event) => {
              setValue(event.target.value);
              setInvalid(false);
            }}
          />
        </div>
        <button type="submit" className="button">
          {t("verify.index.formSubmit")}
        </button>
      </form>
    </section>
  );
}

export function VerifyIndex(): ReactNode {
  const { t } = useI18n();
  const site = useSite();
  const { referenda, error } = usePublicReferenda(site);
  return (
    <>
      <h1>{t("verify.index.title")}</h1>
      <p className="lead">{t("verify.index.intro")}</p>
      <section aria-labelledby="verify-checks-heading">
        <h2 id="verify-checks-heading">{t("verify.index.checksHeading")}</h2>
        <ul>
          {CHECKS.map((check) => (
            <li key={check}>{t(`verify.index.check.${check}`)}</li>
          ))}
        </ul>
      </section>
      <NumberForm />
      <section aria-labelledby="verify-list-heading">
        <h2 id="verify-list-heading">{t("verify.index.listHeading")}</h2>
        {site.status === "error" && <ErrorNotice>{t("common.configError", { detail: site.detail })}</ErrorNotice>}
        {error !== null && <ApiErrorNotice error={error} />}
        {referenda === null && error === null && site.status !== "error" && <Loading />}
        {referenda?.length === 0 && <p>{t("verify.index.none")}</p>}
        {referenda && referenda.length > 0 && (
          <ul className="card-list">
            {referenda.map((referendum) => (
              <li key={referendum.id} className="card">
                <p>
                  <a href={`/verify/${referendum.id}/`}>{t("verify.index.link", { title: referendum.spec.title })}</a>
                </p>
                <ReferendumNumber id={referendum.id} className="muted" />
                <p>
                  <span className="badge">{t(`verify.state.${referendum.state}`)}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
