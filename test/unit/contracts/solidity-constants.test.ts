import {
  CIPHERTEXT_SIGNALS,
  SEALED_OPTION_COUNTS,
  SEALED_PROTOCOL_VERSION,
  sealedCircuitFor,
  sealedSignalLayout,
  SNARK_FIELD_SIZE,
  VOTE_OPTIONS,
} from "../../../protocol/constants";
import { G } from "../../../protocol/babyjub";
import { renderConstants } from "../../../contracts/scripts/generate-solidity";

/** The constants of the generated BlingConstants.sol, by name without the BLING_ prefix. */
function solidityConstants(): Map<string, bigint> {
  const found = renderConstants().matchAll(/^uint256 constant BLING_(\w+) = (\d+);$/gm);
  return new Map([...found].map(([, name, value]) => [name!, BigInt(value!)]));
}

describe("# renderConstants (sealed ballots)", () => {
  const constants = solidityConstants();
  const at = (name: string) => Number(constants.get(name));

  it("should give the registry the sealed layout of protocol/constants.ts for every slot count", () => {
    for (const k of SEALED_OPTION_COUNTS) {
      const { count, ...indices } = sealedSignalLayout(k);
      expect(at(`SEALED_SIGNAL_COUNT_K${k}`)).toBe(count);
      expect(at(`SEALED_SLOTS_K${k}`)).toBe(k);
      for (const [name, index] of Object.entries(indices)) {
        const snake = name.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
        expect([snake, at(`SEALED_SIGNAL_${snake}`)]).toEqual([snake, index]);
      }
    }
    expect(at("SEALED_SIGNAL_COUNT_K2")).toBe(19);
    expect(at("SEALED_SIGNAL_COUNT_K8")).toBe(43);
    expect(at("CIPHERTEXT_SIGNALS")).toBe(CIPHERTEXT_SIGNALS);
    expect(at("SEALED_PROTOCOL_VERSION")).toBe(SEALED_PROTOCOL_VERSION);
  });

  it("should let the registry pick the circuit as sealedCircuitFor does (up to SEALED_SLOTS_K2 options: 2 slots, else 8)", () => {
    // BlingRegistry.verifySealedBallot: `rules.options <= BLING_SEALED_SLOTS_K2` ? K2 : K8.
    for (let options = 1; options <= VOTE_OPTIONS; options++) {
      expect(options <= at("SEALED_SLOTS_K2") ? 2 : 8).toBe(sealedCircuitFor(options));
    }
    expect(at("SEALED_SLOTS_K8")).toBeGreaterThanOrEqual(VOTE_OPTIONS);
  });

  it("should give the curve the registry checks election keys on: the generator satisfies it", () => {
    const [a, d, p] = [constants.get("BABYJUB_A")!, constants.get("BABYJUB_D")!, SNARK_FIELD_SIZE];
    const { x, y } = G.toAffine();
    expect((a * x * x + y * y - 1n - d * x * x * y * y) % p).toBe(0n);
    expect([a, d]).toEqual([168700n, 168696n]);
  });
});
