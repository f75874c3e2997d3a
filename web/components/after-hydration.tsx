"use client";
/**
 * Shows a page's content once React runs in the browser. The static export would otherwise show
 * forms whose buttons do nothing yet (or submit natively) until the scripts arrive; every page here
 * needs its scripts anyway (the config, the API, the prover), so until then it says it is loading.
 */
import { useEffect, useState, type ReactNode } from "react";
import { Loading } from "./status";

export function AfterHydration({ children }: { children: ReactNode }): ReactNode {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    setHydrated(true);
  }, []);
  return hydrated ? children : <Loading />;
}
