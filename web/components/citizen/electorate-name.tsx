"use client";
/**
 * The name a council gave an electorate, for the citizen pages: residents read "Demo town", never
 * the electorate's 32-character id. One request per electorate however many cards name it.
 */
import { useEffect, useState, type ReactNode } from "react";
import type { PublicApi } from "../../lib/api-client";
import { useI18n } from "../../lib/i18n";
import { useSite } from "../../lib/use-site";

const names = new Map<string, Promise<string>>();

function nameOf(api: PublicApi, id: string): Promise<string> {
  let name = names.get(id);
  if (!name) {
    name = api.census(id).then((census) => census.name);
    // A failed look-up is tried again by the next page that asks.
    void name.catch(() => names.delete(id));
    names.set(id, name);
  }
  return name;
}

/** The electorate's name once read; null until then, or when it cannot be read. */
export function useElectorateName(id: string): string | null {
  const site = useSite();
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (site.status !== "ready") return;
    let stopped = false;
    nameOf(site.api, id).then(
      (found) => {
        if (!stopped) setName(found);
      },
      () => undefined,
    );
    return () => {
      stopped = true;
    };
  }, [site, id]);
  return name;
}

/** "Electorate: Demo town", once the name is known (nothing rather than an id before then). */
export function ElectorateLine({ id }: { id: string }): ReactNode {
  const { t } = useI18n();
  const name = useElectorateName(id);
  if (name === null) return null;
  return (
    <p className="muted" data-testid="electorate-name">
      {t("citizen.vote.electorate", { name })}
    </p>
  );
}
