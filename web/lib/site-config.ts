/**
 * `/config.json`: where the API, the chain and the registry are and how councils sign in, written
 * at deploy time (infra/lib/site.ts) or by the local stack, and read by the site at start.
 */
import { z } from "../../protocol/zod";

export const siteConfigSchema = z
  .object({
    apiUrl: z.url(),
    chainId: z.number().int().positive(),
    chainRpcUrl: z.url(),
    registryAddress: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
    registryDeployBlock: z.number().int().min(0),
    stage: z.string().min(1),
    /** Cognito's hosted UI; an empty signInUrl means a local stack, where councils paste a token. */
    auth: z.object({ signInUrl: z.string(), clientId: z.string(), userPoolId: z.string() }),
    /**
     * Who runs this site, for the start page, the footer and the statements (privacy, accessibility):
     * set per deployment, never in code. Absent, the pages speak of "your municipality".
     */
    municipality: z
      .object({
        name: z.string().min(1),
        email: z.email(),
        phone: z.string().min(1).optional(),
        website: z.url().optional(),
      })
      .optional(),
    /**
     * A test deployment (the local stack, or a non-prod stage deployed with allowInsecureCeremony):
     * the verify page then accepts the single-party dev ceremony, and says so. Never in prod.
     */
    testDeployment: z.boolean().optional(),
  })
  .refine((config) => !(config.testDeployment === true && config.stage === "prod"), {
    message: "a prod site is never a test deployment",
    path: ["testDeployment"],
  });

export type SiteConfig = z.infer<typeof siteConfigSchema>;

let loaded: Promise<SiteConfig> | undefined;

/** The site's config, fetched once per page load. */
export function loadSiteConfig(): Promise<SiteConfig> {
  loaded ??= (async () => {
    const response = await fetch("/config.json", { cache: "no-store" });
    if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
    return siteConfigSchema.parse(await response.json());
  })();
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}
