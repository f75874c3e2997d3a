"use client";
/**
 * Where a key generation stands, in plain words, for the council and the trustees alike: the
 * round, whom it waits for, each trustee's progress, and any trustee found at fault by name.
 */
import type { ReactNode } from "react";
import type { DkgView } from "../../../functions/api/views";
import { useI18n } from "../../lib/i18n";
import { faultText, trusteeName } from "./dkg-faults";
import { ErrorNotice } from "../status";

export { trusteeName };

/** Which trustees have done each round, from the transcript the service keeps (only valid messages). */
function progressOf(view: DkgView): Map<number, { joined: boolean; dealt: boolean; checked: boolean; dry: boolean }> {
  const { transcript } = view;
  const dealt = new Set(transcript.dealings.map((d) => d.dealing.dealer));
  const checked = new Set(transcript.checks.map((c) => c.check.trustee));
  const dry = new Set(view.assessment.dryRunBy);
  return new Map(
    transcript.members.map((m) => [
      m.index,
      { joined: m.key !== null, dealt: dealt.has(m.index), checked: checked.has(m.index), dry: dry.has(m.index) },
    ]),
  );
}

export function DkgProgress({ view, me, children }: { view: DkgView; me?: number; children?: ReactNode }): ReactNode {
  const { t } = useI18n();
  const { assessment, transcript } = view;
  const progress = progressOf(view);
  const done = (value: boolean | undefined): string => (value ? t("dkg.yes") : t("dkg.no"));
  const named = (index: number): string =>
    index === me ? t("dkg.you", { name: trusteeName(view, index) }) : trusteeName(view, index);
  return (
    <div data-testid="dkg-progress" data-status={assessment.status}>
      <div aria-live="polite">
        <p className="lead">{t(`dkg.status.${assessment.status}`)}</p>
        {children}
        {assessment.waitingFor.length > 0 && assessment.status !== "failed" && (
          <p>{t("dkg.waitingFor", { names: assessment.waitingFor.map(named).join(", ") })}</p>
        )}
      </div>
      {assessment.faults.length > 0 && (
        <ErrorNotice>
          <ul>
            {assessment.faults.map((fault, i) => (
              <li key={i}>{faultText(t, view, fault)}</li>
            ))}
          </ul>
        </ErrorNotice>
      )}
      <p className="hint">
        {t("dkg.attempt", {
          attempt: transcript.attempt,
          threshold: transcript.threshold,
          count: transcript.members.length,
        })}
      </p>
      <table>
        <caption>{t("dkg.table")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dkg.trustee")}</th>
            <th scope="col">{t("dkg.joined")}</th>
            <th scope="col">{t("dkg.dealt")}</th>
            <th scope="col">{t("dkg.checked")}</th>
            <th scope="col">{t("dkg.dryRun")}</th>
          </tr>
        </thead>
        <tbody>
          {transcript.members.map((member) => {
            const row = progress.get(member.index);
            return (
              <tr key={member.index}>
                <th scope="row">{named(member.index)}</th>
                <td>{done(row?.joined)}</td>
                <td>{done(row?.dealt)}</td>
                <td>{done(row?.checked)}</td>
                <td>{done(row?.dry)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
