"use client";
/**
 * "Check your vote" before it is cast (GOV.UK's check-answers pattern): the choice in words, with
 * a way back to change it and the one button that proves and sends the ballot.
 */
import { useEffect, useRef, type ReactNode } from "react";
import type { ReferendumSpec } from "../../../protocol/spec";
import { useI18n, type Translate } from "../../lib/i18n";
import { ballotKind } from "./ballot-form";

/** The votes in words, one line per option that got something (an empty approval says so). */
export function choiceInWords(t: Translate, spec: ReferendumSpec, votes: number[]): string[] {
  const kind = ballotKind(spec.rules);
  const quadratic = spec.rules.costExponent === 2;
  const lines = spec.options.flatMap((option, i) => {
    const value = votes[i] ?? 0;
    if (value === 0) return [];
    if (kind !== "amounts") return [option];
    return [t(quadratic ? "citizen.check.votes" : "citizen.check.points", { option, count: value })];
  });
  return lines.length > 0 ? lines : [t("citizen.check.nothing")];
}

export function CheckChoice({
  spec,
  votes,
  onCast,
  onChange,
}: {
  spec: ReferendumSpec;
  votes: number[];
  onCast: () => void;
  onChange: () => void;
}): ReactNode {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section aria-labelledby="check-title" data-testid="check-choice">
      <h2 id="check-title" ref={headingRef} tabIndex={-1}>
        {t("citizen.check.title")}
      </h2>
      <p>{t("citizen.check.intro")}</p>
      <ul className="citizen-choice">
        {choiceInWords(t, spec, votes).map((line) => (
          <li key={line}>
            <strong>{line}</strong>
          </li>
        ))}
      </ul>
      <p>{t(spec.revoting ? "citizen.rules.revoting" : "citizen.rules.final")}</p>
      <div className="actions">
        <button type="button" className="button" onClick={onCast}>
          {t("citizen.ballot.submit")}
        </button>
        <button type="button" className="button button--secondary" onClick={onChange}>
          {t("citizen.check.change")}
        </button>
      </div>
    </section>
  );
}
