"use client";
/** The id of a page under `/vote/{id}/` or `/verify/{id}/` (see routes.ts), read from the address bar. */
import { useEffect, useState } from "react";
import { ROUTE_PLACEHOLDER } from "./routes";

/** A hand-edited address may hold a malformed escape: that is no id (the page says "not found"), not a crash. */
function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The id after `/{section}/` in the current address, or null when there is none. */
export function routeIdOf(pathname: string, section: string): string | null {
  const match = new RegExp(`^/${section}/([^/]+)/?`).exec(pathname);
  const id = match?.[1] ? decoded(match[1]) : null;
  return id === ROUTE_PLACEHOLDER ? null : id;
}

/** undefined until the page has read the address (after hydration), then the id or null. */
export function useRouteId(section: string): string | null | undefined {
  const [id, setId] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    setId(routeIdOf(window.location.pathname, section));
  }, [section]);
  return id;
}
