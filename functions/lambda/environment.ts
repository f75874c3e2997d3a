/**
 * The Lambdas' settings, parsed from the environment once per cold start. Secrets are never in the
 * environment: only the ARNs of the Secrets Manager secrets that hold them.
 */
import { z } from "../../protocol/zod";

const secretArn = z.string().min(1);

const common = {
  TABLE_NAME: z.string().min(1),
  LOG_KEY_SECRET_ARN: secretArn,
  CODE_KEY_SECRET_ARN: secretArn,
  CHAIN_ID: z.string().regex(/^\d+$/),
  REGISTRY_ADDRESS: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  DEPLOY_BLOCK: z.coerce.number().int().min(0),
  /** Names the artifact set bundled beside the handler (`artifacts/<name>/`). */
  /** The ballot circuits whose verification keys are bundled, comma-separated. */
  CIRCUIT_NAMES: z.string().min(1),
};

export const apiEnvironment = z.object(common);
export type ApiEnvironment = z.infer<typeof apiEnvironment>;

export const workerEnvironment = z.object({
  ...common,
  ANCHOR_KEY_SECRET_ARN: secretArn,
  CHAIN_RPC_URL: z.url(),
  /** How long one scheduled run keeps sequencing before it anchors and returns. */
  WORK_SECONDS: z.coerce.number().int().min(0).max(840).default(50),
  /** Blocks on top of an anchoring write before it counts as anchored (a public chain can reorganise). */
  CHAIN_CONFIRMATIONS: z.coerce.number().int().min(0).max(1000).default(0),
  /** Names the deployment in metrics. */
  STAGE: z.string().min(1).default("dev"),
});
export type WorkerEnvironment = z.infer<typeof workerEnvironment>;

/**
 * Parses the environment with `schema`.
 * @throws Error naming every missing or malformed variable at once.
 */
export function loadEnvironment<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`the function's environment is not complete: ${problems.join("; ")}`);
}
