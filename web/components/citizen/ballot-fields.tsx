"use client";
/**
 * The ballot form for a referendum's rules: a radio group (one choice), checkboxes (approval, with
 * how many are left) or number fields (cumulative and quadratic, with the budget left, announced
 * politely). Validated with the circuit's own rules before anything is proved.
 */
import { useState, type SyntheticEvent, type ReactNode } from "react";
import type { ReferendumSpec } from "../../../protocol/spec";
import {
  ballotKind,
  ballotProblems,
  ballotSpent,
  ballotVotes,
  emptyAnswers,
  parseAmount,
  type BallotAnswers,
  type BallotProblem,
} from "./ballot-form";
import { useI18n, type Translate } from "../../lib/i18n";
import { ErrorNotice } from "../status";
import "./citizen.css";

function problemText(t: Translate, problem: BallotProblem, options: string[]): string {
  const option = problem.option === undefined ? "" : (options[problem.option] ?? "");
  return t(`citizen.problem.${problem.code}`, { ...problem.vars, option });
}

function RulesText({ spec }: { spec: ReferendumSpec }): ReactNode {
  const { t } = useI18n();
  const { rules } = spec;
  const vars = { max: rules.maxValue, budget: rules.maxTotal, credits: rules.maxTotal };
  const approvalVars = { max: rules.maxTotal };
  return (
    <>
      <p id="ballot-rules">{t(`citizen.rules.${rules.preset}`, rules.preset === "approval" ? approvalVars : vars)}</p>
      <p>{t(spec.revoting ? "citizen.rules.revoting" : "citizen.rules.final")}</p>
    </>
  );
}

function Budget({ answers, spec }: { answers: BallotAnswers; spec: ReferendumSpec }): ReactNode {
  const { t } = useI18n();
  const { rules } = spec;
  const spent = ballotSpent(answers, rules);
  const left = Math.max(0, rules.maxTotal - spent);
  const over = spent - rules.maxTotal;
  const vars = { spent, limit: rules.maxTotal, left, over };
  const quadratic = rules.costExponent === 2;
  let text: string;
  if (answers.kind === "some") text = t(over > 0 ? "citizen.ballot.tooMany" : "citizen.ballot.left", vars);
  else if (over > 0) text = t(quadratic ? "citizen.ballot.creditsOver" : "citizen.ballot.pointsOver", vars);
  else text = t(quadratic ? "citizen.ballot.creditsUsed" : "citizen.ballot.pointsUsed", vars);
  return (
    <p className="citizen-budget" role="status" aria-live="polite" data-testid="ballot-budget">
      {text}
    </p>
  );
}

interface FieldsProps {
  spec: ReferendumSpec;
  answers: BallotAnswers;
  setAnswers: (answers: BallotAnswers) => void;
  problems: BallotProblem[];
}

function ChoiceFields({ spec, answers, setAnswers }: FieldsProps): ReactNode {
  return spec.options.map((option, i) => {
    const id = `option-${i}`;
    const checked =
      answers.kind === "one" ? answers.choice === i : answers.kind === "some" && answers.chosen[i] === true;
    const toggle = (on: boolean): void => {
      if (answers.kind === "one") setAnswers({ kind: "one", choice: i });
      else if (answers.kind === "some")
        setAnswers({ kind: "some", chosen: answers.chosen.map((c, j) => (j === i ? on : c)) });
    };
    return (
      <div className="choice" key={id}>
        <input
          id={id}
          type={answers.kind === "one" ? "radio" : "checkbox"}
          name="ballot"
          checked={checked}
          onChange={(event) => {
            toggle(event.target.checked);
          }}
        />
        <label htmlFor={id}>{option}</label>
      </div>
    );
  });
}

function AmountFields({ spec, answers, setAnswers, problems }: FieldsProps): ReactNode {
  const { t } = useI18n();
  if (answers.kind !== "amounts") return null;
  const quadratic = spec.rules.costExponent === 2;
  return spec.options.map((option, i) => {
    const id = `option-${i}`;
    const problem = problems.find((p) => p.option === i);
    const amount = parseAmount(answers.amounts[i] ?? "");
    return (
      <div className="citizen-amount" key={id}>
        <label htmlFor={id}>{t(quadratic ? "citizen.ballot.votesFor" : "citizen.ballot.pointsFor", { option })}</label>
        <p className="hint" id={`${id}-hint`}>
          {t("citizen.ballot.amountHint", { max: spec.rules.maxValue })}
          {quadratic && amount !== null && ` ${t("citizen.ballot.costOf", { cost: amount * amount })}`}
        </p>
        {problem && (
          <p className="field-error" id={`${id}-error`}>
            {problemText(t, problem, spec.options)}
          </p>
        )}
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={0}
          max={spec.rules.maxValue}
          step={1}
          value={answers.amounts[i] ?? ""}
          aria-invalid={problem !== undefined}
          aria-describedby={problem ? `${id}-hint ${id}-error` : `${id}-hint`}
          onChange={(event) => {
            setAnswers({ kind: "amounts", amounts: answers.amounts.map((a, j) => (j === i ? event.target.value : a)) });
          }}
        />
      </div>
    );
  });
}

/** The form; calls onCast with the votes array once they obey the rules (the page then asks to check them). */
export function BallotFields({ spec, onCast }: { spec: ReferendumSpec; onCast: (votes: number[]) => void }): ReactNode {
  const { t } = useI18n();
  const [answers, setAnswers] = useState<BallotAnswers>(() => emptyAnswers(spec.rules));
  const [shown, setShown] = useState<BallotProblem[]>([]);
  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    const problems = ballotProblems(answers, spec.rules);
    setShown(problems);
    if (problems.length === 0) onCast(ballotVotes(answers, spec.rules));
  };
  const fieldsProps = { spec, answers, setAnswers, problems: shown };
  return (
    <form noValidate onSubmit={submit}>
      <fieldset aria-describedby="ballot-rules">
        <legend>{t("citizen.vote.legend")}</legend>
        <RulesText spec={spec} />
        {ballotKind(spec.rules) === "amounts" ? <AmountFields {...fieldsProps} /> : <ChoiceFields {...fieldsProps} />}
        {answers.kind !== "one" && <Budget answers={answers} spec={spec} />}
      </fieldset>
      {shown.length > 0 && (
        <ErrorNotice>
          <p>{t("citizen.ballot.problems")}</p>
          <ul>
            {shown.map((problem, i) => (
              <li key={i}>{problemText(t, problem, spec.options)}</li>
            ))}
          </ul>
        </ErrorNotice>
      )}
      <div className="actions">
        <button type="submit" className="button">
          {t("citizen.ballot.continue")}
        </button>
      </div>
    </form>
  );
}
