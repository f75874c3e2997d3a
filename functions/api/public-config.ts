/** The deployment as the API describes it (`GET /v1/config`): part of the public contract web/ and cli/ read. */
export interface PublicConfig {
  chainId: string;
  registry: string;
  deployBlock: number;
  circuit: { name: string; zkeySha256: string; wasmSha256: string; vkeySha256: string; ceremony: string };
  logPublicKey: string;
}
