"use client";
/** What every council view needs: the signed-in API clients and in-page navigation. */
import { createContext, useContext, useEffect, useRef, type MouseEvent, type ReactNode } from "react";
import type { CouncilApi, PublicApi } from "../../lib/api-client";
import type { CouncilView } from "./view";
import { viewHref } from "./view";
import type { SiteConfig } from "../../lib/site-config";

export interface CouncilContextValue {
  config: SiteConfig;
  api: CouncilApi;
  publicApi: PublicApi;
  navigate: (view: CouncilView) => void;
}

const CouncilContext = createContext<CouncilContextValue | null>(null);

export const CouncilProvider = CouncilContext.Provider;

export function useCouncil(): CouncilContextValue {
  const value = useContext(CouncilContext);
  if (!value) throw new Error("useCouncil outside CouncilProvider");
  return value;
}

/** A link to another council view: a real address (new tab, copy) that switches in place when clicked. */
export function ViewLink({
  view,
  className,
  children,
}: {
  view: CouncilView;
  className?: string;
  children: ReactNode;
}): ReactNode {
  const { navigate } = useCouncil();
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(view);
  };
  return (
    <a href={viewHref(view)} className={className} onClick={onClick}>
      {children}
    </a>
  );
}

/** The view's h1, focused when the view appears so screen readers start there. */
export function ViewHeading({ children }: { children: ReactNode }): ReactNode {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="council-heading">
      {children}
    </h1>
  );
}
