/** The downloadable audit report: what was checked against what, when, by which version. */
import type { AuditReport } from "../../../../audit/report";
import { auditDocument, auditFileName, SOFTWARE_VERSION } from "../../../../web/components/verify/audit-document";
import type { VerifyFacts } from "../../../../web/components/verify/worker-messages";

const report: AuditReport = {
  referendumId: "12345678901234567890123",
  ok: true,
  checks: [{ id: "spec", title: "spec", ok: true, summary: "spec hash 8ede = anchored", problems: [], numbers: {} }],
};
const facts: VerifyFacts = {
  title: "Trees?",
  options: ["Yes", "No"],
  state: "tallied",
  electorate: 3,
  ballots: 4,
  voters: 3,
  tallyAnchored: true,
  recount: ["1", "2"],
  ceremony: null,
  proofs: { verifier: "mcl-batch", count: 4, ms: 10 },
};
const sources = {
  api: "https://api.example/v1",
  rpc: "https://rpc.example",
  chainId: 10,
  registry: "0x00000000000000000000000000000000000000aa",
  deployBlock: 7,
  block: 99,
  checkedAt: Date.UTC(2026, 10, 30, 18, 0, 0),
};

describe("# auditDocument", () => {
  it("should state when, by which version, against which API, chain block and registry each check ran", () => {
    expect(auditDocument(report, facts, sources)).toEqual({
      type: "bling.audit-report.v1",
      software: { name: "bling", version: SOFTWARE_VERSION, verifier: "browser" },
      checkedAt: "2026-11-30T18:00:00.000Z",
      referendum: { id: report.referendumId, title: "Trees?", state: "tallied", options: ["Yes", "No"] },
      checkedAgainst: {
        api: sources.api,
        chain: { rpc: sources.rpc, chainId: 10, block: 99 },
        registry: { address: sources.registry, deployBlock: 7 },
      },
      verdict: "passed",
      checks: [
        { id: "spec", title: "spec", result: "pass", summary: "spec hash 8ede = anchored", numbers: {}, problems: [] },
      ],
      result: { recount: ["1", "2"], voters: 3, ballots: 4, electorate: 3, tallyAnchored: true },
    });
    expect(SOFTWARE_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("should name the file after the referendum and the UTC time", () => {
    expect(auditFileName(report.referendumId, sources.checkedAt)).toBe(
      "audit-1234567890123456-2026-11-30T18-00-00-000Z.json",
    );
  });
});
