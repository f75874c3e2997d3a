"use client";
/**
 * Where the transcript comes from: the folder's address on any static host the site may read, or
 * the files picked from disk (a host this site may not read, or none at all).
 */
import type { ReactNode } from "react";
import { useI18n } from "../../lib/i18n";
import { TextField } from "../text-field";

export interface SourceState {
  mode: "address" | "files";
  folder: string;
  ptau: string;
  pins: string;
  files: File[];
}

export const EMPTY_SOURCE: SourceState = { mode: "address", folder: "", ptau: "", pins: "", files: [] };

export function sourceReady(source: SourceState): boolean {
  return source.mode === "files" ? source.files.length > 0 : source.folder !== "" && source.ptau !== "";
}

export function SourcePanel({
  source,
  onChange,
  error,
}: {
  source: SourceState;
  onChange: (source: SourceState) => void;
  error?: string;
}): ReactNode {
  const { t } = useI18n();
  const set = (change: Partial<SourceState>): void => {
    onChange({ ...source, ...change });
  };
  return (
    <section className="panel" aria-labelledby="ceremony-source">
      <h2 id="ceremony-source">{t("ceremony.source.title")}</h2>
      <p>{t("ceremony.source.intro")}</p>
      <fieldset className="field">
        <legend>{t("ceremony.source.mode")}</legend>
        {(["address", "files"] as const).map((mode) => (
          <div className="choice" key={mode}>
            <input
              type="radio"
              id={`ceremony-mode-${mode}`}
              name="ceremony-mode"
              checked={source.mode === mode}
              onChange={() => {
                set({ mode });
              }}
            />
            <label htmlFor={`ceremony-mode-${mode}`}>
              {t(mode === "address" ? "ceremony.source.byAddress" : "ceremony.source.byFiles")}
            </label>
          </div>
        ))}
      </fieldset>
      {error !== undefined && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {source.mode === "address" ? (
        <>
          <TextField
            id="ceremony-folder"
            label={t("ceremony.source.folder")}
            hint={t("ceremony.source.folderHint")}
            value={source.folder}
            onChange={(folder) => {
              set({ folder });
            }}
            spellCheck={false}
            autoComplete="url"
          />
          <TextField
            id="ceremony-ptau"
            label={t("ceremony.source.ptau")}
            value={source.ptau}
            onChange={(ptau) => {
              set({ ptau });
            }}
            spellCheck={false}
          />
          <TextField
            id="ceremony-pins"
            label={t("ceremony.source.pins")}
            value={source.pins}
            onChange={(pins) => {
              set({ pins });
            }}
            spellCheck={false}
          />
        </>
      ) : (
        <div className="field">
          <label htmlFor="ceremony-files">{t("ceremony.source.files")}</label>
          <p className="hint" id="ceremony-files-hint">
            {t("ceremony.source.filesHint")}
          </p>
          <input
            id="ceremony-files"
            type="file"
            multiple
            aria-describedby="ceremony-files-hint"
            onChange={(event) => {
              set({ files: Array.from(event.target.files ?? []) });
            }}
          />
          {source.files.length > 0 && (
            <p role="status">{t("ceremony.source.filesChosen", { count: source.files.length })}</p>
          )}
        </div>
      )}
    </section>
  );
}
