/**
 * `bling trustee`: a trustee's side of a secret-ballot referendum from a terminal. The trustee's
 * key lives in a file it alone holds (created by `join`, never overwritten); every other step is
 * derived from that key and the public transcript, so running a step twice posts nothing new.
 */
import { readFile, writeFile } from "node:fs/promises";
import { createPublicClient, type DkgRound, type PublicClient } from "../functions/api/client";
import {
  nextTrusteeStep,
  newTrusteeKey,
  trusteeSecret,
  trusteeSecretOf,
  type TrusteeSecret,
} from "../protocol/trustee-steps";
import type { DkgAssessment } from "../protocol/trustee-transcript";
import { UsageError, type CliIo } from "./cli-io";
import { parseFlags } from "./source-flags";

export const TRUSTEE_USAGE = `Usage:
  bling trustee join   --api URL --referendum ID --code CODE --key FILE
  bling trustee step   --api URL --key FILE
  bling trustee status --api URL --referendum ID

  join     make a trustee key, register it with the invitation code, and write it to FILE
           (keep FILE safe and private: it is your share of the election key)
  step     do what the key generation waits for from you (deal, check, or decrypt the dry run)
  status   where the referendum's key generation stands, and who it waits for

  --api URL         the service's public API
  --referendum ID   the referendum's id
  --code CODE       the invitation code the council sent you
  --key FILE        your trustee key file
`;

const OPTIONS = {
  api: { type: "string" },
  referendum: { type: "string" },
  code: { type: "string" },
  key: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const ROUND_PATH: Record<"deal" | "check" | "dry-run", DkgRound> = {
  deal: "dealings",
  check: "checks",
  "dry-run": "dry-run",
};

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === "") throw new UsageError(`--${flag} is required`);
  return value;
}

function describe(assessment: DkgAssessment): string {
  const lines = [`status: ${assessment.status}`];
  if (assessment.waitingFor.length > 0) lines.push(`waiting for trustee ${assessment.waitingFor.join(", ")}`);
  for (const fault of assessment.faults) lines.push(`fault: trustee ${fault.trustee} ${fault.reason}`);
  for (const problem of assessment.problems) lines.push(`problem: ${problem}`);
  if (assessment.electionKey) lines.push(`election key: (${assessment.electionKey.join(", ")})`);
  if (assessment.dryRunBy.length > 0) lines.push(`dry run decrypted by trustee ${assessment.dryRunBy.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

async function readSecret(file: string): Promise<TrusteeSecret> {
  const parsed = trusteeSecret.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success) throw new UsageError(`${file} is not a trustee key file`);
  return parsed.data;
}

async function join(
  client: PublicClient,
  referendumId: string,
  code: string,
  file: string,
  io: CliIo,
): Promise<number> {
  const { transcript } = await client.dkg(referendumId);
  const { secretKey, key } = newTrusteeKey(referendumId, transcript.attempt);
  const joined = await client.joinKeyGeneration(referendumId, { code, key });
  const secret = trusteeSecretOf(referendumId, joined.attempt, joined.index, secretKey);
  // "wx": never overwrite a key file, which may hold another referendum's share.
  await writeFile(file, `${JSON.stringify(secret, null, 2)}\n`, { flag: "wx", mode: 0o600 });
  io.out(
    `Joined referendum ${referendumId} as trustee ${joined.index} (attempt ${joined.attempt}); key written to ${file}.\n`,
  );
  return 0;
}

async function step(client: PublicClient, file: string, io: CliIo): Promise<number> {
  const secret = await readSecret(file);
  const { transcript } = await client.dkg(secret.referendumId);
  const next = nextTrusteeStep(transcript, secret);
  if (!("message" in next)) {
    io.out(`Nothing to post: ${next.reason}.\n`);
    return next.round === "failed" ? 1 : 0;
  }
  const assessment = await client.postDkgMessage(secret.referendumId, ROUND_PATH[next.round], next.message);
  const posted = { deal: "dealing", check: "check", "dry-run": "dry-run decryption" }[next.round];
  io.out(`Posted your ${posted}.\n${describe(assessment)}`);
  return 0;
}

export async function runTrustee(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const values = parseFlags(rest, OPTIONS);
  if (action === undefined || action === "--help" || action === "-h" || values.help) {
    io.out(TRUSTEE_USAGE);
    return action === undefined ? 2 : 0;
  }
  const client = createPublicClient({ baseUrl: required(values.api, "api") });
  switch (action) {
    case "join":
      return join(
        client,
        required(values.referendum, "referendum"),
        required(values.code, "code"),
        required(values.key, "key"),
        io,
      );
    case "step":
      return step(client, required(values.key, "key"), io);
    case "status": {
      const view = await client.dkg(required(values.referendum, "referendum"));
      io.out(
        `Referendum ${view.referendumId} "${view.title}", key generation attempt ${view.transcript.attempt}, ${view.transcript.threshold} of ${view.transcript.members.length}:\n${describe(view.assessment)}`,
      );
      return 0;
    }
    default:
      throw new UsageError(`unknown action "${action}" (join, step or status)`);
  }
}
