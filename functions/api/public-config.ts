/** The deployment as the API describes it (`GET /v1/config`): part of the public contract web/ and cli/ read. */
export interface PublicConfig {
  chainId: string;
  registry: string;
  deployBlock: number;
  /** The public-vote ballot circuit (protocol v1.1). */
  circuit: PublishedCircuit;
  /** Every ballot circuit the service verifies, by name: a spec's `circuit.name` picks one. */
  circuits: Record<string, PublishedCircuit>;
  logPublicKey: string;
}

/** A ballot circuit's artifact hashes, so a client checks what it downloads before proving with it. */
export interface PublishedCircuit {
  name: string;
  zkeySha256: string;
  wasmSha256: string;
  vkeySha256: string;
  ceremony: string;
}
