/**
 * `bling trustee`: a trustee's side of a secret-ballot referendum from a terminal. The trustee's
 * key lives in a file it alone holds (created by `join`, never overwritten); every other step is
 * derived from that key and the public transcript, so running a step twice posts nothing new.
 */
import { readFile, writeFile } from "node:fs/promises";
import { createPublicClient, type DkgRound, type PublicClient } from "../functions/api/client";
import { anchoredAggregate } from "../audit/anchored-aggregate";
import { fetchBundle } from "../audit/fetch-bundle";
import {
  finalPartialFor,
  nextTrusteeStep,
  newTrusteeKey,
  trusteeSecret,
  trusteeSecretOf,
  type TrusteeSecret,
} from "../protocol/trustee-steps";
import type { DkgAssessment } from "../protocol/trustee-transcript";
import { UsageError, type CliIo } from "./cli-io";
import { networkSource, parseFlags } from "./source-flags";

export const TRUSTEE_USAGE = `Usage:
  bling trustee join   --api URL --referendum ID --code CODE --key FILE
  bling trustee step   --api URL --key FILE
  bling trustee status --api URL --referendum ID
  bling trustee decrypt --api URL --rpc URL [--registry ADDR] --key FILE

  join     make a trustee key, register it with the invitation code, and write it to FILE
           (keep FILE safe and private: it is your share of the election key)
  step     do what the key generation waits for from you (deal, check, or decrypt the dry run)
  status   where the referendum's key generation stands, and who it waits for
  decrypt  after the close: recompute the aggregate of the log the registry anchored at close,
           and publish your partial decryption of it (nothing else is ever decrypted)

  --api URL         the service's public API
  --referendum ID   the referendum's id
  --code CODE       the invitation code the council sent you
  --key FILE        your trustee key file
  --rpc URL         a JSON-RPC endpoint of the chain the registry is on (decrypt)
  --registry ADDR   the BlingRegistry address (default: the one the service's /v1/config names)
`;

const OPTIONS = {
  api: { type: "string" },
  rpc: { type: "string" },
  registry: { type: "string" },
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

async function decrypt(
  values: { api?: string; rpc?: string; registry?: string; key?: string },
  io: CliIo,
): Promise<number> {
  const secret = await readSecret(required(values.key, "key"));
  const source = networkSource({ ...values, referendum: secret.referendumId });
  const client = createPublicClient({ baseUrl: source.api });
  const bundle = await fetchBundle(source);
  const counted = anchoredAggregate(bundle);
  const { transcript } = await client.dkg(secret.referendumId);
  const partial = finalPartialFor(transcript, secret, counted.aggregate);
  const answer = await client.postPartial(secret.referendumId, partial);
  io.out(
    `Decrypted the aggregate of ${counted.voters} counted ballots (anchored log of ${counted.logSize} entries).\n` +
      `Trustees who have decrypted: ${answer.decryptedBy.join(", ")} (${answer.threshold} needed).\n`,
  );
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
    case "decrypt":
      return decrypt(values, io);
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
