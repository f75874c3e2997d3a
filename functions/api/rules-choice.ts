/** The rules a council's preset choice stands for. */
import { approval, cumulative, quadratic, singleChoice, yesNo, type PresetRules } from "../../protocol/rules";
import type { RulesChoice } from "./schemas";

/**
 * The ballot rules of a preset choice for `options` options.
 * @throws TypeError when the combination has no valid rules (e.g. approval of more than the options).
 */
export function rulesFromChoice(choice: RulesChoice, options: number): PresetRules {
  switch (choice.preset) {
    case "yes-no":
      return yesNo();
    case "single-choice":
      return singleChoice(options);
    case "approval":
      return approval(options, choice.maxApprovals);
    case "cumulative":
      return cumulative(options, choice.budget);
    case "quadratic":
      return quadratic(options, choice.credits);
  }
}
