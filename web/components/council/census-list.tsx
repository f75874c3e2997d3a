"use client";
/** The council's censuses with their sizes, and the form that creates one. */
import { useCallback, useEffect, useState, type SyntheticEvent, type ReactNode } from "react";
import { useI18n } from "../../lib/i18n";
import { ApiErrorNotice, Loading, SuccessNotice } from "../status";
import { useCouncil, ViewLink } from "./council-context";

interface CensusRow {
  id: string;
  name: string;
  size: number | null;
}

function CreateCensus({ onCreated }: { onCreated: (name: string) => void }): ReactNode {
  const { t } = useI18n();
  const { api } = useCouncil();
  const [name, setName] = useState("");
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    setMissing(name.trim() === "");
    if (name.trim() === "") return;
    setBusy(true);
    try {
      const created = await api.createCensus(name.trim());
      setName("");
      onCreated(created.name);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="council-census-new">
      <h3 id="council-census-new">{t("council.censuses.create")}</h3>
      {error !== null && <ApiErrorNotice error={error} />}
      <div className="field">
        <label htmlFor="census-name">{t("council.censuses.name")}</label>
        <p className="hint" id="census-name-hint">
          {t("council.censuses.nameHint")}
        </p>
        {missing && (
          <p className="field-error" id="census-name-error">
            {t("council.censuses.nameRequired")}
          </p>
        )}
        <input
          id="census-name"
          type="text"
          value={name}
          maxLength={200}
          aria-invalid={missing}
          aria-describedby={missing ? "census-name-hint census-name-error" : "census-name-hint"}
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t("council.censuses.createSubmit")}
      </button>
    </form>
  );
}

export function CensusList(): ReactNode {
  const { t } = useI18n();
  const { api, publicApi } = useCouncil();
  const [censuses, setCensuses] = useState<CensusRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);

  const load = useCallback(async (): Promise<void> => {
    try {
      const list = await api.censuses();
      setCensuses(list.map((census) => ({ ...census, size: null })));
      const sizes = await Promise.all(list.map((census) => publicApi.census(census.id)));
      setCensuses(list.map((census, i) => ({ ...census, size: sizes[i]?.size ?? null })));
    } catch (caught) {
      setError(caught);
    }
  }, [api, publicApi]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="council-censuses">
      <h2 id="council-censuses">{t("council.censuses.title")}</h2>
      <p>{t("council.censuses.intro")}</p>
      {error !== null && <ApiErrorNotice error={error} />}
      {created !== null && <SuccessNotice>{t("council.censuses.created", { name: created })}</SuccessNotice>}
      {censuses === null && error === null && <Loading />}
      {censuses?.length === 0 && <p>{t("council.censuses.none")}</p>}
      {censuses && censuses.length > 0 && (
        <ul className="card-list">
          {censuses.map((census) => (
            <li key={census.id} className="card">
              <h3>
                <ViewLink view={{ kind: "census", id: census.id }}>
                  {t("council.censuses.manage", { name: census.name })}
                </ViewLink>
              </h3>
              {census.size !== null && <p>{t("council.censuses.size", { size: census.size })}</p>}
            </li>
          ))}
        </ul>
      )}
      <CreateCensus
        onCreated={(name) => {
          setCreated(name);
          void load();
        }}
      />
    </section>
  );
}
