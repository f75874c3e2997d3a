"use client";
/** A new draft, or an existing draft being edited: loads what the form needs and saves it. */
import { useEffect, useState, type ReactNode } from "react";
import type { ReferendumDraftInput } from "../../../functions/api/schemas";
import { draftToForm, emptyDraftForm, type DraftForm as Form } from "./draft";
import { useI18n } from "../../lib/i18n";
import { ApiErrorNotice, Loading } from "../status";
import { useCouncil, ViewHeading, ViewLink } from "./council-context";
import { DraftForm } from "./draft-form";

interface Loaded {
  form: Form;
  title: string;
  censuses: { id: string; name: string; size: number | null }[];
}

export function DraftView({ id }: { id?: string }): ReactNode {
  const { t } = useI18n();
  const { api, publicApi, navigate } = useCouncil();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    void (async () => {
      try {
        // Each census's size beside its name: a referendum on an empty census cannot open.
        const listed = await api.censuses();
        const censuses = await Promise.all(
          listed.map(async (census) => ({
            ...census,
            size: await publicApi.census(census.id).then(
              (info) => info.size,
              () => null,
            ),
          })),
        );
        if (id === undefined) {
          const yesNo: [string, string] = [t("council.draft.yes"), t("council.draft.no")];
          setLoaded({ form: emptyDraftForm(Date.now() / 1000, censuses[0]?.id ?? "", yesNo), title: "", censuses });
        } else {
          const referendum = await api.referendum(id);
          setLoaded({ form: draftToForm(referendum.draft), title: referendum.draft.title, censuses });
        }
      } catch (caught) {
        setError(caught);
      }
    })();
    // The form is filled once; a language switch must not reset what the council typed.
  }, [api, publicApi, id]);

  const save = async (draft: ReferendumDraftInput): Promise<void> => {
    const saved = id === undefined ? await api.createDraft(draft) : await api.updateDraft(id, draft);
    navigate({ kind: "referendum", id: saved.id });
  };

  const back = id === undefined ? ({ kind: "dashboard" } as const) : ({ kind: "referendum", id } as const);
  return (
    <>
      <p>
        <ViewLink view={back}>{t("council.back")}</ViewLink>
      </p>
      <ViewHeading>
        {id === undefined ? t("council.draft.newTitle") : t("council.draft.editTitle", { title: loaded?.title ?? "" })}
      </ViewHeading>
      <p className="lead">{t("council.draft.intro")}</p>
      {error !== null && <ApiErrorNotice error={error} />}
      {loaded === null && error === null && <Loading />}
      {loaded && (
        <DraftForm
          initial={loaded.form}
          censuses={loaded.censuses}
          onSave={save}
          onCancel={() => {
            navigate(back);
          }}
        />
      )}
    </>
  );
}
