import { isCallException, Interface } from "ethers";
import { BLING_REGISTRY } from "./artifacts";

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
  "InvalidElectionKey",
  "InvalidSchedule",
  "CheckpointNotGrowing",
  "TallyAlreadyPublished",
  "LogAlreadyClosed",
  "ClosingAfterSchedule",
  "ClosingInFuture",
  "ClosingBehindCheckpoint",
  "ClosingRootMismatch",
  "LogNotClosed",
  "TallyNotAtClosing",
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

const REGISTRY_INTERFACE = Interface.from(BLING_REGISTRY.abi);
// A custom error's data is at least its 4-byte selector: "0x" and 8 hex digits.
const SELECTOR_HEX_LENGTH = 10;

/** The registry's custom error inside an ethers error, or null when the error is anything else. */
export function decodeRegistryError(error: unknown): RegistryError | null {
  if (!isCallException(error) || !error.data || error.data.length < SELECTOR_HEX_LENGTH) return null;
  const parsed = REGISTRY_INTERFACE.parseError(error.data);
  const name = parsed?.name.replace(/^Bling__/, "");
  if (!parsed || name === undefined || !isRegistryErrorName(name)) return null;
  return new RegistryError(name, [...parsed.args]);
}
