"use client";
/** Runs the audit in a Web Worker and follows its progress: the page stays responsive meanwhile. */
import { useCallback, useEffect, useRef, useState } from "react";
import type { AuditReport } from "../../../audit/report";
import type { VerifyEvent, VerifyFacts, VerifyFailureKind, VerifyPhase, VerifyRequest } from "./worker-messages";

export type Verification =
  | { status: "idle" }
  | { status: "running"; phase: VerifyPhase; done: number; total: number }
  | { status: "done"; report: AuditReport; facts: VerifyFacts }
  | { status: "failed"; kind: VerifyFailureKind; detail: string };

export function useVerification(): { state: Verification; start: (request: VerifyRequest) => void } {
  const [state, setState] = useState<Verification>({ status: "idle" });
  const worker = useRef<Worker | null>(null);
  useEffect(
    () => () => {
      worker.current?.terminate();
    },
    [],
  );
  const start = useCallback((request: VerifyRequest): void => {
    worker.current?.terminate();
    setState({ status: "running", phase: "start", done: 0, total: 0 });
    // Turbopack bundles the worker and its imports (mcl's WebAssembly, ethers, zod) into classic scripts.
    const next = new Worker(new URL("../../workers/verify.worker.ts", import.meta.url));
    worker.current = next;
    next.onmessage = ({ data }: MessageEvent<VerifyEvent>) => {
      if (data.type === "progress") setState({ status: "running", ...data });
      else if (data.type === "done") setState({ status: "done", report: data.report, facts: data.facts });
      else setState({ status: "failed", kind: data.kind, detail: data.detail });
      if (data.type !== "progress") next.terminate();
    };
    next.onerror = (event) => {
      setState({ status: "failed", kind: "other", detail: event.message || "the verifier stopped" });
      next.terminate();
    };
    next.postMessage(request);
  }, []);
  return { state, start };
}
