import { isCallException, Interface, type InterfaceAbi } from "ethers";

/** Every custom error of BlingRegistry, by its Solidity name without the `Bling__` prefix (checked against the ABI). */
export const REGISTRY_ERROR_NAMES = [
  "NotOwner",
  "ZeroAddress",
  "CouncilAlreadyAdded",
  "NotCouncil",
  "NotReferendumCouncil",
  "InvalidReferendumId",
  "ReferendumAlreadyOpened",
  "UnknownReferendum",
  "InvalidCensusRoot",
  "InvalidRules",
  "InvalidSchedule",
  "CheckpointNotGrowing",
  "TallyAlreadyPublished",
  "ReferendumNotClosed",
  "TallyBehindCheckpoint",
  "TallyRootMismatch",
  "CountBeyondOptions",
] as const;

export type RegistryErrorName = (typeof REGISTRY_ERROR_NAMES)[number];

/** Stable code of a registry rejection, e.g. `NotCouncil` -> `CHAIN_NOT_COUNCIL`. */
export type RegistryErrorCode = `CHAIN_${string}`;

export function registryErrorCode(name: RegistryErrorName): RegistryErrorCode {
  return `CHAIN_${name.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()}`;
}

/** A write the registry refused, with the custom error's name and arguments. */
export class RegistryError extends Error {
  readonly code: RegistryErrorCode;

  constructor(
    readonly errorName: RegistryErrorName,
    readonly args: readonly unknown[],
  ) {
    super(`BlingRegistry refused: Bling__${errorName}(${args.map(String).join(", ")})`);
    this.name = "RegistryError";
    this.code = registryErrorCode(errorName);
  }
}

const isRegistryErrorName = (name: string): name is RegistryErrorName =>
  (REGISTRY_ERROR_NAMES as readonly string[]).includes(name);

/** The registry's custom error inside an ethers error, or null when the error is anything else. */
export function decodeRegistryError(error: unknown, abi: InterfaceAbi): RegistryError | null {
  if (!isCallException(error) || !error.data) return null;
  const parsed = Interface.from(abi).parseError(error.data);
  const name = parsed?.name.replace(/^Bling__/, "");
  if (!parsed || name === undefined || !isRegistryErrorName(name)) return null;
  return new RegistryError(name, [...parsed.args]);
}
