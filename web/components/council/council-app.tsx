"use client";
/**
 * The council pages: sign-in, then the view the query string names (overview, a census, a
 * draft form, a referendum), switched in place with the history so back and forward work.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { councilApi } from "../../lib/api-client";
import {
  clearToken,
  completeHostedSignIn,
  savedToken,
  saveToken,
  signOut,
  usesHostedSignIn,
  type SignInFailure,
} from "./session";
import { expiringApi } from "./expiry";
import { parseView, viewHref, type CouncilView } from "./view";
import { useI18n } from "../../lib/i18n";
import type { SiteConfig } from "../../lib/site-config";
import { useSite } from "../../lib/use-site";
import { ErrorNotice, Loading } from "../status";
import { CensusView } from "./census-view";
import { CouncilProvider, type CouncilContextValue } from "./council-context";
import { Dashboard } from "./dashboard";
import { DraftView } from "./draft-view";
import { ReferendumView } from "./referendum-view";
import { SignIn } from "./sign-in";
import "./council.css";

type Session =
  | { status: "checking" }
  | { status: "signedOut"; failure: SignInFailure | null }
  | { status: "signedIn"; token: string };

interface SessionControl {
  session: Session;
  /** Signs in with a token, or out with null. */
  set: (token: string | null) => void;
  /** The API refused this token: back to sign-in saying so (unless another token is in use by now). */
  expire: (token: string) => void;
}

function useSession(config: SiteConfig | null): SessionControl {
  const [session, setSession] = useState<Session>({ status: "checking" });
  useEffect(() => {
    if (!config) return;
    const run = { live: true };
    void (async () => {
      const returned = usesHostedSignIn(config) ? await completeHostedSignIn(config) : null;
      if (!run.live) return;
      if (returned && "token" in returned) saveToken(returned.token);
      const token = savedToken();
      if (token) setSession({ status: "signedIn", token });
      else setSession({ status: "signedOut", failure: returned && "failure" in returned ? returned.failure : null });
    })();
    return () => {
      run.live = false;
    };
  }, [config]);
  const set = useCallback((token: string | null) => {
    if (token === null) {
      clearToken();
      setSession({ status: "signedOut", failure: null });
    } else {
      saveToken(token);
      setSession({ status: "signedIn", token });
    }
  }, []);
  const expire = useCallback((token: string) => {
    if (savedToken() === token) clearToken();
    setSession((current) =>
      current.status === "signedIn" && current.token === token ? { status: "signedOut", failure: "expired" } : current,
    );
  }, []);
  return { session, set, expire };
}

function CurrentView({ view }: { view: CouncilView }): ReactNode {
  switch (view.kind) {
    case "census":
      return <CensusView key={view.id} id={view.id} />;
    case "new":
      return <DraftView key="new" />;
    case "edit":
      return <DraftView key={`edit-${view.id}`} id={view.id} />;
    case "referendum":
      return <ReferendumView key={view.id} id={view.id} />;
    default:
      return <Dashboard />;
  }
}

export function CouncilApp(): ReactNode {
  const { t } = useI18n();
  const site = useSite();
  const config = site.status === "ready" ? site.config : null;
  const { session, set: setSession, expire } = useSession(config);
  const [view, setView] = useState<CouncilView | null>(null);

  useEffect(() => {
    const read = (): void => {
      setView(parseView(window.location.search));
    };
    read();
    window.addEventListener("popstate", read);
    return () => {
      window.removeEventListener("popstate", read);
    };
  }, []);

  const navigate = useCallback((next: CouncilView) => {
    window.history.pushState(null, "", viewHref(next));
    setView(next);
  }, []);

  const context = useMemo((): CouncilContextValue | null => {
    if (site.status !== "ready" || session.status !== "signedIn") return null;
    return {
      config: site.config,
      publicApi: site.api,
      api: expiringApi(councilApi({ baseUrl: site.config.apiUrl, token: session.token }), () => {
        expire(session.token);
      }),
      navigate,
    };
  }, [site, session, navigate, expire]);

  if (site.status === "error") return <ErrorNotice>{t("common.configError", { detail: site.detail })}</ErrorNotice>;
  if (site.status === "loading" || session.status === "checking" || view === null) return <Loading />;
  if (session.status === "signedOut") {
    return (
      <SignIn
        config={site.config}
        failure={session.failure}
        onSignedIn={(token) => {
          setSession(token);
        }}
      />
    );
  }
  if (!context) return <Loading />;
  return (
    <CouncilProvider value={context}>
      <div className="council-bar">
        <span className="muted">{t("council.title")}</span>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setSession(null);
            signOut(site.config);
          }}
        >
          {t("council.signOut")}
        </button>
      </div>
      <CurrentView view={view} />
    </CouncilProvider>
  );
}
