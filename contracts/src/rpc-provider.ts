/** The JSON-RPC provider every BLING writer uses: safe for several transactions in a row from one key. */
import { JsonRpcProvider } from "ethers";

export function rpcProvider(url: string, chainId: number | bigint, pollingInterval = 4000): JsonRpcProvider {
  return new JsonRpcProvider(url, chainId, {
    // The chain is named by configuration; no eth_chainId round trip before every request.
    staticNetwork: true,
    pollingInterval,
    // ethers reuses an identical request's answer for 250 ms by default: a second transaction would reuse a stale nonce.
    cacheTimeout: -1,
  });
}
