/** The key `bling verify` trusts: the committed artifacts of the circuit the spec names, public-vote or sealed. */
import { BALLOT_CIRCUIT, PUBLIC_SIGNAL_COUNT, sealedSignalLayout } from "../../../protocol/constants";
import { loadTrustedCircuit } from "../../../cli/trusted-circuit";

describe("# loadTrustedCircuit", () => {
  it("should load the sealed circuit's own key for a sealed spec, its hash the manifest's", async () => {
    const { trusted, vkey } = await loadTrustedCircuit("sealed_d20_k2");
    expect(trusted).toMatchObject({ name: "sealed_d20_k2", publicSignals: sealedSignalLayout(2).count });
    expect(trusted.vkeyFileSha256).toBe(trusted.vkeySha256);
    expect(vkey.nPublic).toBe(19);
  });

  it("should load the public-vote key for a v1.1 spec, and fall back to it for a circuit it lacks", async () => {
    expect((await loadTrustedCircuit(BALLOT_CIRCUIT)).trusted).toMatchObject({
      name: BALLOT_CIRCUIT,
      publicSignals: PUBLIC_SIGNAL_COUNT,
    });
    // The circuit check then fails on the name: this auditor has another circuit than the spec's.
    expect((await loadTrustedCircuit("sealed_d32_k8")).trusted.name).toBe(BALLOT_CIRCUIT);
  });
});
