/** The referendum spec's hash and the rules a council's preset choice stands for. */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex } from "@noble/hashes/utils";
import {
  approval,
  canonicalBytes,
  cumulative,
  quadratic,
  singleChoice,
  yesNo,
  type JsonValue,
  type PresetRules,
} from "../../circuits/src";
import type { ReferendumSpec, RulesChoice } from "./schemas";

/** SHA-256 (hex) of the spec's RFC 8785 canonical bytes: what the registry anchors at open. */
export function specHash(spec: ReferendumSpec): string {
  return bytesToHex(sha256(canonicalBytes(spec as unknown as JsonValue)));
}

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
