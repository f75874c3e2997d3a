import { buildCensus, censusRoot } from "../../../protocol/census";
import { SNARK_FIELD_SIZE } from "../../../protocol/constants";
import { censusRootInWorker } from "../../../protocol/census-worker.node";

describe("# censusRootInWorker", () => {
  it("should rebuild the same root as in process, off the calling thread", async () => {
    const leaves = Array.from({ length: 300 }, (_, i) => BigInt(i + 1) * 7919n);
    expect(await censusRootInWorker(leaves)).toBe(censusRoot(buildCensus(leaves)));
    expect(await censusRootInWorker([])).toBe(0n);
  });

  it("should reject, not hang, when the leaves are not field elements", async () => {
    await expect(censusRootInWorker([1n, SNARK_FIELD_SIZE])).rejects.toThrow("field element");
  });
});
