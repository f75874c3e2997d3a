"use client";
/**
 * `/trustee/?r=<id>`: a trustee's page. Join with the invitation code (or restore a saved key),
 * then the page does the trustee's key-generation steps by itself every few seconds while it is
 * open (the curve work in a Web Worker), and after the close decrypts the final total.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { AggregateView, DkgView } from "../../../functions/api/views";
import type { TrusteeSecret } from "../../../protocol/trustee-steps";
import { ApiError, type PublicApi } from "../../lib/api-client";
import { useI18n } from "../../lib/i18n";
import { useSite } from "../../lib/use-site";
import { ApiErrorNotice, ErrorNotice, Loading } from "../status";
import { DkgProgress, trusteeName } from "./dkg-progress";
import { TrusteeDecryptPhase, type Published } from "./trustee-phase";
import { JoinForm, RecoveryPanel, RestoreForm } from "./trustee-join";
import { trusteeRecoveryCode } from "./trustee-secret-code";
import { loadTrusteeSecret } from "./trustee-store";
import { MyStep, useTrusteeSteps } from "./trustee-steps";

const POLL_MS = 3000;

interface Loaded {
  view: DkgView | "not-invited";
  referendum: Published | null;
  aggregate: AggregateView | null;
}

async function readState(api: PublicApi, id: string): Promise<Loaded> {
  let view: DkgView;
  try {
    view = await api.dkg(id);
  } catch (error) {
    if (error instanceof ApiError && error.code === "DKG_STATE")
      return { view: "not-invited", referendum: null, aggregate: null };
    throw error;
  }
  // Only a completed key generation can have been opened; before that the referendum is a draft.
  if (view.assessment.status !== "complete") return { view, referendum: null, aggregate: null };
  const referendum = await api.referendum(id).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === "REFERENDUM_NOT_FOUND") return "draft" as const;
    throw error;
  });
  const sealed = referendum !== "draft" && referendum.state !== "open";
  // Before the service has sealed the log there is no aggregate: the page says it is sealing.
  const aggregate = sealed ? await api.aggregate(id).catch(() => null) : null;
  return { view, referendum, aggregate };
}

function useReferendumId(): string | null | undefined {
  const [id, setId] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    const r = new URLSearchParams(window.location.search).get("r");
    setId(r && /^[1-9][0-9]*$/.test(r) ? r : null);
  }, []);
  return id;
}

export function TrusteeApp(): ReactNode {
  const { t } = useI18n();
  const site = useSite();
  const id = useReferendumId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [secret, setSecret] = useState<TrusteeSecret | null | undefined>(undefined);
  const [recovery, setRecovery] = useState<TrusteeSecret | null>(null);
  const api = site.status === "ready" ? site.api : null;
  const reading = useRef(false);

  useEffect(() => {
    if (!id) return;
    loadTrusteeSecret(id).then(setSecret, () => {
      setSecret(null);
    });
  }, [id]);

  const view = loaded && loaded.view !== "not-invited" ? loaded.view : null;
  const current = secret && view && secret.attempt === view.transcript.attempt && view.current ? secret : null;
  const steps = useTrusteeSteps(api, id ?? "", current);
  const { run: runStep } = steps;

  const refresh = useCallback(async (): Promise<void> => {
    if (!api || !id || reading.current) return;
    reading.current = true;
    try {
      const next = await readState(api, id);
      setLoaded(next);
      setError(null);
      if (next.view !== "not-invited") await runStep(next.view);
    } catch (caught) {
      setError(caught);
    } finally {
      reading.current = false;
    }
  }, [api, id, runStep]);

  const tallied = loaded?.referendum && loaded.referendum !== "draft" && loaded.referendum.state === "tallied";
  useEffect(() => {
    void refresh();
    if (tallied) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => {
      clearInterval(timer);
    };
  }, [refresh, tallied]);

  const joined = (next: TrusteeSecret, fresh: boolean): void => {
    setSecret(next);
    if (fresh) setRecovery(next);
    void refresh();
  };

  if (id === undefined) return <Loading />;
  if (id === null) {
    return (
      <>
        <h1>{t("trustee.titleGeneric")}</h1>
        <ErrorNotice>
          <p>{t("trustee.noReferendum")}</p>
        </ErrorNotice>
      </>
    );
  }
  return (
    <>
      <h1>{view ? t("trustee.title", { title: view.title }) : t("trustee.titleGeneric")}</h1>
      <p className="lead">{t("trustee.intro")}</p>
      {site.status === "error" && <ErrorNotice>{t("common.configError", { detail: site.detail })}</ErrorNotice>}
      {error !== null && <ApiErrorNotice error={error} />}
      {loaded === null && error === null && <Loading />}
      {loaded?.view === "not-invited" && <p className="notice notice--info">{t("trustee.notInvited")}</p>}
      {view && !view.current && <p className="notice notice--info">{t("trustee.stale")}</p>}
      {recovery && (
        <RecoveryPanel
          code={trusteeRecoveryCode(recovery)}
          index={recovery.index}
          onSaved={() => {
            setRecovery(null);
          }}
        />
      )}
      {view && current && <p>{t("trustee.you", { index: current.index, name: trusteeName(view, current.index) })}</p>}
      {view && (
        <section className="panel" aria-labelledby="trustee-dkg">
          <h2 id="trustee-dkg">{t("dkg.title")}</h2>
          <DkgProgress view={view} me={current?.index}>
            {current && <MyStep state={steps.state} view={view} onNow={() => void refresh()} />}
          </DkgProgress>
        </section>
      )}
      {view && current && site.status === "ready" && loaded?.referendum && (
        <TrusteeDecryptPhase
          api={site.api}
          config={site.config}
          secret={current}
          referendum={loaded.referendum}
          aggregate={loaded.aggregate}
          onPublished={() => void refresh()}
        />
      )}
      {view && !current && secret !== undefined && api && (
        <>
          {secret && secret.attempt !== view.transcript.attempt && (
            <p className="notice notice--info">{t("trustee.join.oldAttempt")}</p>
          )}
          {view.assessment.status === "complete" && <p className="notice notice--info">{t("trustee.decrypt.noKey")}</p>}
          {view.current && view.assessment.status !== "complete" && (
            <JoinForm
              api={api}
              referendumId={id}
              attempt={view.transcript.attempt}
              onJoined={(next) => {
                joined(next, true);
              }}
            />
          )}
          <RestoreForm
            referendumId={id}
            onRestored={(next) => {
              joined(next, false);
            }}
          />
        </>
      )}
    </>
  );
}
