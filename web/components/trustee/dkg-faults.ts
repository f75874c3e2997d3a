/**
 * The key generation's verdicts in people's words: the protocol names trustees by index and says
 * what a message failed in English; the pages name them and say it in the reader's language.
 */
import type { DkgView } from "../../../functions/api/views";
import type { DkgFault } from "../../../protocol/trustee-transcript";
import type { Translate } from "../../lib/i18n";

/** A trustee as people know them: the name the council gave (the index only when the name is unknown). */
export function trusteeName(view: DkgView, index: number): string {
  return view.transcript.members.find((member) => member.index === index)?.name ?? `#${index}`;
}

/** A fault as one sentence: the protocol names trustees by index, people by name. */
export function faultText(t: Translate, view: DkgView, fault: DkgFault): string {
  const name = (index: string | number | undefined): string => trusteeName(view, Number(index));
  const badShare = /^dealt trustee (\d+) a share that fails its commitments$/.exec(fault.reason);
  if (badShare) return t("dkg.fault.badShare", { dealer: name(fault.trustee), recipient: name(badShare[1]) });
  const falseComplaint = /^complained about trustee (\d+)'s valid share$/.exec(fault.reason);
  if (falseComplaint)
    return t("dkg.fault.falseComplaint", { complainant: name(fault.trustee), dealer: name(falseComplaint[1]) });
  if (fault.trustee === 0) return t("dkg.fault.dryRun");
  return t("dkg.fault.other", { trustee: name(fault.trustee), reason: fault.reason });
}
