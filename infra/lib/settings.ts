/**
 * The deployment's settings, from CDK context (`-c key=value` or cdk.json): the stage and what it
 * makes stricter, the chain the registry lives on, and the explicit consent to dev artifacts.
 */
import { Aws, RemovalPolicy } from "aws-cdk-lib";
import { RetentionDays } from "aws-cdk-lib/aws-logs";
import { z } from "../../protocol/zod";

export const STAGES = ["dev", "prod"] as const;
export type Stage = (typeof STAGES)[number];

const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]);

const contextSchema = z.object({
  stage: z.enum(STAGES).default("dev"),
  chainId: z.coerce.number().int().positive(),
  chainRpcUrl: z.url({ protocol: /^https?$/ }),
  registryAddress: z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte address"),
  registryDeployBlock: z.coerce.number().int().min(0).default(0),
  allowInsecureCeremony: flag.default(false),
  /** The fewest phase 2 contributions a circuit's ceremony may have (`bling ceremony`). */
  minCeremonyContributions: z.coerce.number().int().min(1).default(3),
  /**
   * A folder of local copies of each non-dev ceremony's transcript (DIR/<circuit>/, with the phase
   * 1 file at DIR/<its name>): re-verified before every synth (infra/lib/ceremony-transcript.ts).
   */
  ceremonyTranscripts: z.string().min(1).optional(),
  alarmEmail: z.email().optional(),
  /** Blocks on top of an anchoring write before it counts; default by stage (see readSettings). */
  chainConfirmations: z.coerce.number().int().min(0).max(1000).optional(),
  /** The folder of the site's static export. */
  siteDir: z.string().default("web/out"),
  /** Who runs the site, named on its start page, footer and statements (`/config.json`'s `municipality`). */
  municipalityName: z.string().min(1).optional(),
  municipalityEmail: z.email().optional(),
});

/** What differs between stages; prod is stricter everywhere. */
export interface StageSettings {
  stage: Stage;
  chainId: number;
  chainRpcUrl: string;
  registryAddress: string;
  registryDeployBlock: number;
  allowInsecureCeremony: boolean;
  minCeremonyContributions: number;
  ceremonyTranscripts: string | undefined;
  alarmEmail: string | undefined;
  siteDir: string;
  /** Council admins must use a second factor. */
  mfaRequired: boolean;
  /** Requests per second across the HTTP API, and the burst above it. */
  throttle: { rateLimit: number; burstLimit: number };
  logRetentionDays: RetentionDays;
  /**
   * What happens to the stage's disposable resources (user pool, site buckets, log groups) when the
   * stack goes: kept in prod, destroyed with a dev stack. The table and its keys are kept always.
   */
  removalPolicy: RemovalPolicy;
  /** Seconds a signed head may wait for the chain before the anchoring alarm fires. */
  anchorLagAlarmSeconds: number;
  /**
   * Blocks on top of an anchoring write before the service counts it as anchored; until then it
   * waits rather than re-sends, and a write a reorg drops is sent again.
   */
  chainConfirmations: number;
  /** The site's operator for `/config.json`; absent, the site speaks of "your municipality". */
  municipality: { name: string; email: string } | undefined;
}

/** The Cognito hosted sign-in domain's prefix: the user pool and the site's CSP both name it. */
export function signInDomainPrefix(stage: Stage): string {
  return `bling-${stage}-${Aws.ACCOUNT_ID}`;
}

const CONTEXT_KEYS = Object.keys(contextSchema.shape);

/**
 * Reads the settings from a context lookup.
 * @throws Error listing every missing or malformed key, with how to pass it.
 */
export function readSettings(context: (key: string) => unknown): StageSettings {
  const entries: [string, unknown][] = CONTEXT_KEYS.map((key) => [key, context(key)]);
  const raw = Object.fromEntries(entries.filter(([, value]) => value !== undefined));
  const parsed = contextSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`BLING deployment settings: ${problems.join("; ")} (pass them as -c key=value)`);
  }
  const { municipalityName, municipalityEmail, ...settings } = parsed.data;
  if ((municipalityName === undefined) !== (municipalityEmail === undefined))
    throw new Error("BLING deployment settings: pass municipalityName and municipalityEmail together");
  const prod = settings.stage === "prod";
  if (prod && !settings.alarmEmail) throw new Error("BLING deployment settings: prod needs -c alarmEmail=...");
  return {
    ...settings,
    alarmEmail: settings.alarmEmail,
    ceremonyTranscripts: settings.ceremonyTranscripts,
    mfaRequired: prod,
    throttle: prod ? { rateLimit: 500, burstLimit: 1000 } : { rateLimit: 100, burstLimit: 200 },
    logRetentionDays: prod ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    anchorLagAlarmSeconds: prod ? 600 : 1800,
    // Two blocks ride out the shallow reorgs of an L2 or a PoS chain's head; a dev stage need not wait.
    chainConfirmations: settings.chainConfirmations ?? (prod ? 2 : 0),
    municipality:
      municipalityName && municipalityEmail ? { name: municipalityName, email: municipalityEmail } : undefined,
  };
}
