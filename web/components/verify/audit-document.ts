/**
 * The verification a journalist can keep: a time-stamped JSON document of every check, its verdict
 * and figures, and what it was checked against (the service's API, the chain and block, the registry).
 */
import type { AuditReport } from "../../../audit/report";
import { version as SOFTWARE_VERSION } from "../../../package.json";
import { checkState, verdictOf } from "./view";
import type { VerifyFacts } from "./worker-messages";

/** The version of BLING this site was built from: the one to check out for independent verification. */
export { SOFTWARE_VERSION };

/** Where the audit read its data from, and when. */
export interface AuditSources {
  api: string;
  rpc: string;
  chainId: number;
  registry: string;
  deployBlock: number;
  /** The chain's latest block when the audit ended, or null when the RPC did not say. */
  block: number | null;
  /** When the audit ended (ms since the epoch). */
  checkedAt: number;
}

export function auditDocument(report: AuditReport, facts: VerifyFacts, sources: AuditSources): object {
  return {
    type: "bling.audit-report.v1",
    software: { name: "bling", version: SOFTWARE_VERSION, verifier: "browser" },
    checkedAt: new Date(sources.checkedAt).toISOString(),
    referendum: { id: report.referendumId, title: facts.title, state: facts.state, options: facts.options },
    checkedAgainst: {
      api: sources.api,
      chain: { rpc: sources.rpc, chainId: sources.chainId, block: sources.block },
      registry: { address: sources.registry, deployBlock: sources.deployBlock },
    },
    verdict: verdictOf(report, facts),
    checks: report.checks.map((check) => ({
      id: check.id,
      title: check.title,
      result: checkState(check, facts),
      summary: check.summary,
      numbers: check.numbers,
      problems: check.problems,
    })),
    result: {
      recount: facts.recount,
      voters: facts.voters,
      ballots: facts.ballots,
      electorate: facts.electorate,
      tallyAnchored: facts.tallyAnchored,
    },
  };
}

/** The document's file name: `audit-<referendum>-<UTC time>.json`. */
export function auditFileName(referendumId: string, checkedAt: number): string {
  const stamp = new Date(checkedAt).toISOString().replace(/[:.]/g, "-");
  return `audit-${referendumId.slice(0, 16)}-${stamp}.json`;
}

/** The chain's latest block number by JSON-RPC, or null when it cannot be read. */
export async function latestBlock(rpc: string): Promise<number | null> {
  try {
    const response = await fetch(rpc, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
    });
    const { result } = (await response.json()) as { result?: unknown };
    return typeof result === "string" ? Number.parseInt(result, 16) : null;
  } catch {
    return null;
  }
}
