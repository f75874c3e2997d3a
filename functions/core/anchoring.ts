/**
 * The anchor loop's step for one referendum: bring the chain up to what the service holds (spec at
 * open, the latest signed head while open, the tally at the end). It reads the chain before each
 * write, so a retry after a failure or a crash never writes twice; while the chain is unreachable
 * it throws, voting goes on, and the next run catches up.
 */
import type { ChainAnchor, CoreDeps } from "./ports";
import { getReferendum, saveReferendum } from "./referendum-service";
import { getTally } from "./tally";
import { readHead, rootOfFrontier } from "./transparency-log-store";

export interface AnchorRun {
  opened: boolean;
  checkpointed: number | null;
  tallied: boolean;
}

const hex0x = (hex: string): string => `0x${hex}`;

export async function anchorReferendum(deps: CoreDeps, chain: ChainAnchor, id: string): Promise<AnchorRun> {
  let record = await getReferendum(deps, id);
  const run: AnchorRun = { opened: false, checkpointed: null, tallied: false };
  const spec = record.spec;
  if (!spec || !record.specHash) return run;
  const chainId = BigInt(id);

  if (!record.anchors.opened) {
    const anchored = await chain.openedSpecHash(chainId);
    if (anchored === null) {
      const { options, maxValue, minTotal, maxTotal, costExponent } = spec.rules;
      const rules = { options, maxValue, minTotal, maxTotal, costExponent };
      await chain.open({
        id: chainId,
        specHash: hex0x(record.specHash),
        censusRoot: BigInt(spec.census.root),
        rules,
        opensAt: spec.opensAt,
        closesAt: spec.closesAt,
      });
      run.opened = true;
    } else if (anchored !== hex0x(record.specHash)) {
      throw new Error(`referendum ${id}: the registry anchors spec ${anchored}, the service holds ${record.specHash}`);
    }
    record = await saveReferendum(deps, { ...record, anchors: { ...record.anchors, opened: true } });
  }

  if (record.state === "tallied") {
    if (!record.anchors.tallied) {
      if (!(await chain.isTallied(chainId))) {
        const tally = await getTally(deps, id);
        await chain.publishTally({
          id: chainId,
          counts: tally.counts.map(BigInt),
          logSize: tally.logSize,
          logRoot: hex0x(tally.logRoot),
          nullifierSetRoot: hex0x(tally.nullifierSetRoot),
        });
        run.tallied = true;
      }
      await saveReferendum(deps, { ...record, anchors: { ...record.anchors, tallied: true } });
    }
    return run;
  }

  const head = await readHead(deps, id);
  if (head.size > record.anchors.checkpointSize) {
    if ((await chain.lastCheckpointSize(chainId)) < head.size) {
      await chain.checkpoint(chainId, head.size, hex0x(rootOfFrontier(head.frontier)));
      run.checkpointed = head.size;
    }
    await saveReferendum(deps, { ...record, anchors: { ...record.anchors, checkpointSize: head.size } });
  }
  return run;
}
