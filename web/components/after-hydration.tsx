"use client";
/**
 * Shows a page's content once React runs in the browser. The static export would otherwise show
 * forms whose buttons do nothing yet (or submit natively) until the scripts arrive; the pages with
 * forms need their scripts anyway (the config, the API, the prover), so until then they say they are
 * loading. Pages that are only text (start, about, statements, not found) are not wrapped: their
 * text is in the static HTML, readable before hydration and without JavaScript.
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
