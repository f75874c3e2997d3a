"use client";
/** The site config and API client for a page, once `/config.json` has been read. */
import { useEffect, useMemo, useState } from "react";
import type { PublicReferendum } from "../../functions/api/views";
import { publicApi, type PublicApi } from "./api-client";
import { loadSiteConfig, type SiteConfig } from "./site-config";

export type SiteState =
  { status: "loading" } | { status: "error"; detail: string } | { status: "ready"; config: SiteConfig; api: PublicApi };

export function useSite(): SiteState {
  const [config, setConfig] = useState<SiteConfig | { error: string } | null>(null);
  useEffect(() => {
    loadSiteConfig().then(setConfig, (error: unknown) => {
      setConfig({ error: (error as Error).message });
    });
  }, []);
  return useMemo((): SiteState => {
    if (config === null) return { status: "loading" };
    if ("error" in config) return { status: "error", detail: config.error };
    return { status: "ready", config, api: publicApi({ baseUrl: config.apiUrl }) };
  }, [config]);
}

/** The published referenda, once the site's config is read: null until they arrive (or fail). */
export function usePublicReferenda(site: SiteState): { referenda: PublicReferendum[] | null; error: unknown } {
  const [referenda, setReferenda] = useState<PublicReferendum[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (site.status !== "ready") return;
    site.api.referenda().then(setReferenda, setError);
  }, [site]);
  return { referenda, error };
}
