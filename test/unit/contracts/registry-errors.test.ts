import { Interface, makeError } from "ethers";
import { BLING_REGISTRY } from "../../../contracts/src/artifacts";
import {
  decodeRegistryError,
  REGISTRY_ERROR_NAMES,
  RegistryError,
  registryErrorCode,
} from "../../../contracts/src/registry-errors";

const registry = Interface.from(BLING_REGISTRY.abi);

/** What ethers throws when a call reverts with `data`. */
const callException = (data: string) =>
  makeError("execution reverted", "CALL_EXCEPTION", {
    action: "estimateGas",
    data,
    reason: null,
    transaction: { to: null, data: "0x" },
    invocation: null,
    revert: null,
  });

describe("# registry errors", () => {
  it("should name every custom error of the compiled registry, and nothing else", () => {
    const abiErrors: string[] = [];
    registry.forEachError((error) => abiErrors.push(error.name));
    expect(abiErrors.map((name) => name.replace(/^Bling__/, "")).sort()).toEqual([...REGISTRY_ERROR_NAMES].sort());
    expect(abiErrors.every((name) => name.startsWith("Bling__"))).toBe(true);
  });

  it("should give each error a stable upper-snake code", () => {
    expect(registryErrorCode("NotCouncil")).toBe("CHAIN_NOT_COUNCIL");
    expect(registryErrorCode("ClosingRootMismatch")).toBe("CHAIN_CLOSING_ROOT_MISMATCH");
    expect(new Set(REGISTRY_ERROR_NAMES.map(registryErrorCode)).size).toBe(REGISTRY_ERROR_NAMES.length);
  });

  it("should decode a revert's data into the error and its arguments", () => {
    const data = registry.encodeErrorResult("Bling__CheckpointNotGrowing", [10n, 9n]);
    const decoded = decodeRegistryError(callException(data));
    expect(decoded).toBeInstanceOf(RegistryError);
    expect(decoded).toMatchObject({
      errorName: "CheckpointNotGrowing",
      code: "CHAIN_CHECKPOINT_NOT_GROWING",
      args: [10n, 9n],
    });
    expect(decoded?.message).toBe("BlingRegistry refused: Bling__CheckpointNotGrowing(10, 9)");
  });

  it("should leave anything else alone", () => {
    expect(decodeRegistryError(new Error("network down"))).toBeNull();
    expect(decodeRegistryError(callException("0x"))).toBeNull();
    const panic = new Interface(["error Panic(uint256)"]).encodeErrorResult("Panic", [0x11]);
    expect(decodeRegistryError(callException(panic))).toBeNull();
  });
});
