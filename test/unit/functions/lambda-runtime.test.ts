import { apiEnvironment, loadEnvironment, workerEnvironment } from "../../../functions/lambda/environment";
import { emitMetrics } from "../../../functions/lambda/metrics";
import { once } from "../../../functions/lambda/runtime";

const API_ENV = {
  TABLE_NAME: "bling",
  LOG_KEY_SECRET_ARN: "arn:aws:secretsmanager:eu-west-1:1:secret:log",
  CODE_KEY_SECRET_ARN: "arn:aws:secretsmanager:eu-west-1:1:secret:code",
  CHAIN_ID: "10",
  REGISTRY_ADDRESS: "0x00000000000000000000000000000000000000aa",
  DEPLOY_BLOCK: "7",
  CIRCUIT_NAMES: "vote_d20_k8,sealed_d20_k2,sealed_d20_k8",
};

describe("# loadEnvironment", () => {
  it("should parse the API's settings and name every missing one at once", () => {
    expect(loadEnvironment(apiEnvironment, API_ENV)).toMatchObject({ DEPLOY_BLOCK: 7, CHAIN_ID: "10" });
    expect(() => loadEnvironment(apiEnvironment, { TABLE_NAME: "bling" })).toThrow(
      /LOG_KEY_SECRET_ARN.*CODE_KEY_SECRET_ARN.*CHAIN_ID.*REGISTRY_ADDRESS/,
    );
  });

  it("should give the worker its chain and defaults, and refuse a bad RPC URL", () => {
    const worker = { ...API_ENV, ANCHOR_KEY_SECRET_ARN: "arn:anchor", CHAIN_RPC_URL: "https://rpc.example" };
    expect(loadEnvironment(workerEnvironment, worker)).toMatchObject({
      WORK_SECONDS: 50,
      STAGE: "dev",
      CHAIN_CONFIRMATIONS: 0,
    });
    expect(loadEnvironment(workerEnvironment, { ...worker, CHAIN_CONFIRMATIONS: "2" }).CHAIN_CONFIRMATIONS).toBe(2);
    expect(() => loadEnvironment(workerEnvironment, { ...worker, CHAIN_CONFIRMATIONS: "-1" })).toThrow(
      /CHAIN_CONFIRMATIONS/,
    );
    expect(() => loadEnvironment(workerEnvironment, { ...worker, CHAIN_RPC_URL: "not a url" })).toThrow(
      /CHAIN_RPC_URL/,
    );
  });
});

describe("# once", () => {
  it("should start once, share the result, and try again after a failed start", async () => {
    let starts = 0;
    const start = once(() => {
      starts++;
      return starts === 1 ? Promise.reject(new Error("cold start failed")) : Promise.resolve(starts);
    });
    await expect(start()).rejects.toThrow("cold start failed");
    expect(await Promise.all([start(), start()])).toEqual([2, 2]);
    expect(starts).toBe(2);
  });
});

describe("# emitMetrics", () => {
  it("should write one embedded-metric JSON line naming the anchoring lag", () => {
    const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      emitMetrics("prod", { integrated: 3, anchorFailures: 0, lagSeconds: 12.5 });
      const line = String(write.mock.calls[0]?.[0]);
      expect(line.endsWith("\n")).toBe(true);
      expect(JSON.parse(line)).toMatchObject({
        _aws: { CloudWatchMetrics: [{ Namespace: "Bling", Dimensions: [["Stage"]] }] },
        Stage: "prod",
        AnchorLagSeconds: 12.5,
        BallotsIntegrated: 3,
      });
    } finally {
      write.mockRestore();
    }
  });
});
