import { startLocalChain, type LocalChain } from "../../../local/anvil";
import { RegistryClient } from "../../../contracts/src/registry-client";
import type { CliIo } from "../../../cli/cli-io";
import { runCli } from "../../../cli/run-cli";
import { runSignerAddress } from "../../../cli/registry-admin";

let chain: LocalChain;

beforeAll(async () => {
  chain = await startLocalChain();
});

afterAll(async () => {
  await chain.stop();
});

function captured(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return {
    out: (text) => (out += text),
    err: (text) => (err += text),
    errIsTty: false,
    stdout: () => out,
    stderr: () => err,
  };
}

async function withEnv<T>(vars: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  Object.assign(process.env, vars);
  try {
    return await run();
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  }
}

describe("# bling deploy-registry / add-council / signer-address", () => {
  it("should deploy the registry, register the anchor signer once, and say its address", async () => {
    const owner = chain.wallet(0);
    const anchor = chain.wallet(3);
    const deployIo = captured();
    const deployed = await withEnv({ BLING_DEPLOYER_KEY: owner.privateKey.slice(2) }, () =>
      runCli(["deploy-registry", "--rpc", chain.rpcUrl], deployIo),
    );
    expect([deployed, deployIo.stderr()]).toEqual([0, ""]);
    const deployment = JSON.parse(deployIo.stdout()) as {
      registry: string;
      chainId: number;
      owner: string;
      deployBlock: number;
    };
    expect(deployment).toMatchObject({ chainId: Number(chain.chainId), owner: owner.address });

    const addressIo = captured();
    expect(await runSignerAddress([], addressIo, () => Promise.resolve(anchor.privateKey))).toBe(0);
    expect(addressIo.stdout()).toBe(`${anchor.address}\n`);

    const args = ["add-council", "--rpc", chain.rpcUrl, "--registry", deployment.registry, "--signer", anchor.address];
    for (const expected of ["is now a council signer", "is already a council signer"]) {
      const io = captured();
      expect(await withEnv({ BLING_OWNER_KEY: owner.privateKey }, () => runCli(args, io))).toBe(0);
      expect(io.stdout()).toContain(expected);
    }
    const registry = new RegistryClient(deployment.registry, chain.provider);
    expect(await registry.isCouncil(anchor.address)).toBe(true);
  });

  it("should refuse a missing key, a bad address and a non-owner, without a stack trace", async () => {
    const io = captured();
    expect(
      await withEnv({ BLING_DEPLOYER_KEY: "" }, () => runCli(["deploy-registry", "--rpc", chain.rpcUrl], io)),
    ).toBe(2);
    expect(io.stderr()).toContain("BLING_DEPLOYER_KEY must hold a 32-byte hex private key");
    const bad = captured();
    expect(await runCli(["add-council", "--rpc", chain.rpcUrl, "--registry", "0x12", "--signer", "0x12"], bad)).toBe(2);
    expect(bad.stderr()).toContain("--registry must be a 0x-prefixed address");
    const deployIo = captured();
    await withEnv({ BLING_DEPLOYER_KEY: chain.wallet(0).privateKey }, () =>
      runCli(["deploy-registry", "--rpc", chain.rpcUrl], deployIo),
    );
    const { registry } = JSON.parse(deployIo.stdout()) as { registry: string };
    const stranger = captured();
    const args = ["add-council", "--rpc", chain.rpcUrl, "--registry", registry, "--signer", chain.wallet(4).address];
    expect(await withEnv({ BLING_OWNER_KEY: chain.wallet(5).privateKey }, () => runCli(args, stranger))).toBe(1);
    expect(stranger.stderr()).not.toMatch(/\n\s+at /);
    const input = captured();
    expect(await runCli(["signer-address", "--nope"], input)).toBe(2);
  });
});
