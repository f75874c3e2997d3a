"use client";
/**
 * `/ceremony/`: a participant's turn in the trusted setup, in the browser. Key, transcript and
 * typed text in; the worker verifies the whole chain as `bling ceremony contribute` does, then
 * contributes; out come the new zkey and the signed entry for the coordinator's folder.
 */
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useI18n } from "../../lib/i18n";
import { ErrorNotice } from "../status";
import { TextField } from "../text-field";
import { failureText, progressText } from "./ceremony-text";
import { turnInWorker, type CeremonyProgress } from "./ceremony-worker";
import { KeyPanel, type ParticipantKey } from "./ceremony-key";
import { ResultPanel } from "./ceremony-result";
import { EMPTY_SOURCE, SourcePanel, sourceReady, type SourceState } from "./ceremony-source";
import type { CeremonyFailure, CeremonyRequest, CeremonyResult } from "./worker-messages";

type Run =
  | { status: "idle" }
  | { status: "running"; progress: CeremonyProgress | null }
  | { status: "done"; result: CeremonyResult }
  | { status: "failed"; failure: CeremonyFailure };

async function sourceOf(source: SourceState): Promise<CeremonyRequest["source"]> {
  if (source.mode === "address") {
    return {
      kind: "address",
      folder: source.folder.trim(),
      ptau: source.ptau.trim(),
      pins: source.pins.trim() || undefined,
    };
  }
  const files = await Promise.all(
    source.files.map(async (file) => ({
      name: file.webkitRelativePath || file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
  return { kind: "files", files };
}

export function CeremonyApp(): ReactNode {
  const { t } = useI18n();
  const [participantKey, setParticipantKey] = useState<ParticipantKey | null>(null);
  const [source, setSource] = useState<SourceState>(EMPTY_SOURCE);
  const [input, setInput] = useState("");
  const [checked, setChecked] = useState(false);
  const [run, setRun] = useState<Run>({ status: "idle" });
  const outcome = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Move focus to the outcome so keyboard and screen reader users land on what happened.
    if (run.status === "done" || run.status === "failed") outcome.current?.querySelector("h2")?.focus();
  }, [run.status]);

  const missing = {
    key: !participantKey,
    source: !sourceReady(source),
    input: input.trim() === "",
  };

  const start = async (): Promise<void> => {
    setChecked(true);
    if (!participantKey || missing.source || missing.input) return;
    setRun({ status: "running", progress: null });
    const answer = await turnInWorker(
      { source: await sourceOf(source), secretKey: participantKey.secretKey, input },
      (progress) => {
        setRun({ status: "running", progress });
      },
    );
    // The text is part of the entropy: it is not kept once used.
    setInput("");
    setChecked(false);
    setRun(answer.ok ? { status: "done", result: answer.result } : { status: "failed", failure: answer.failure });
  };

  const running = run.status === "running";
  return (
    <>
      <h1>{t("ceremony.title")}</h1>
      <p className="lead">{t("ceremony.intro")}</p>
      <p>{t("ceremony.howTo")}</p>
      <p>{t("ceremony.random")}</p>
      <p className="muted">{t("ceremony.cli")}</p>
      {run.status === "done" ? (
        <div ref={outcome}>
          <ResultPanel
            result={run.result}
            onAgain={() => {
              setRun({ status: "idle" });
            }}
          />
        </div>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void start();
          }}
        >
          <KeyPanel participantKey={participantKey} onKey={setParticipantKey} />
          <SourcePanel
            source={source}
            onChange={setSource}
            error={checked && missing.source ? t("ceremony.source.required") : undefined}
          />
          <section className="panel" aria-labelledby="ceremony-input">
            <h2 id="ceremony-input">{t("ceremony.input.title")}</h2>
            <TextField
              id="ceremony-entropy"
              label={t("ceremony.input.label")}
              hint={t("ceremony.input.hint")}
              value={input}
              onChange={setInput}
              error={checked && missing.input ? t("ceremony.input.required") : undefined}
              announce
              autoComplete="off"
              spellCheck={false}
            />
          </section>
          {checked && missing.key && <ErrorNotice>{t("ceremony.needKey")}</ErrorNotice>}
          <div className="actions">
            <button type="submit" className="button" disabled={running}>
              {t("ceremony.run")}
            </button>
          </div>
          <p role="status" data-testid="ceremony-progress">
            {running ? progressText(t, run.progress) : ""}
          </p>
          {run.status === "failed" && (
            <div ref={outcome} className="notice notice--error" role="alert" data-testid="ceremony-failure">
              <h2 tabIndex={-1}>{t("ceremony.failed.title")}</h2>
              <p>{failureText(t, run.failure)}</p>
              <p>{t("ceremony.failed.keep")}</p>
            </div>
          )}
        </form>
      )}
    </>
  );
}
