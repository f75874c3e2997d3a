/**
 * The site: the Next.js static export in a private bucket, served only through CloudFront (origin
 * access control, HTTPS, security headers with a strict Content-Security-Policy), and the runtime
 * `config.json` that tells the site where the API, the chain and the registry are.
 */
import { existsSync } from "node:fs";
import { Aws, Duration, RemovalPolicy } from "aws-cdk-lib";
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, Source } from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import { ARTIFACT_CACHE_FUNCTION_CODE, SITE_PATH_FUNCTION_CODE } from "../../web/lib/routes";
import type { SiteConfig } from "../../web/lib/site-config";
import { contentSecurityPolicy as siteContentSecurityPolicy } from "../../web/security-headers";
import { signInDomainPrefix, type StageSettings } from "./settings";

/** What the site reads at start (`/config.json`): where everything is, decided at deploy time. */
export type { SiteConfig };

export interface BlingSiteProps {
  settings: StageSettings;
  /** Shown while web/ has no static export yet. */
  placeholderDir: string;
}

/** The site's CSP with this stage's origins (the policy itself is web/security-headers.ts). */
export function contentSecurityPolicy(settings: StageSettings): string {
  return siteContentSecurityPolicy({
    // The API's own id would make the site depend on the API, which depends on the site (CORS):
    // any API Gateway of this account's region is as close as CloudFormation allows.
    api: `https://*.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`,
    rpc: new URL(settings.chainRpcUrl).origin,
    signIn: `https://${signInDomainPrefix(settings.stage)}.auth.${Aws.REGION}.amazoncognito.com`,
    upgradeInsecureRequests: true,
  });
}

export class BlingSite extends Construct {
  readonly bucket: Bucket;
  readonly logs: Bucket;
  readonly distribution: Distribution;
  /** The folder actually deployed: the static export, or the placeholder until web/ builds one. */
  readonly contentDir: string;

  constructor(scope: Construct, id: string, props: BlingSiteProps) {
    super(scope, id);
    const { settings } = props;
    const prod = settings.stage === "prod";
    // A bucket destroyed with the stack must be emptied first; a retained one keeps its objects.
    const autoDeleteObjects = settings.removalPolicy === RemovalPolicy.DESTROY;
    this.contentDir = existsSync(settings.siteDir) ? settings.siteDir : props.placeholderDir;

    this.logs = new Bucket(this, "AccessLogs", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logging writes with ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(settings.logRetentionDays) }],
      removalPolicy: settings.removalPolicy,
      autoDeleteObjects,
    });
    this.bucket = new Bucket(this, "Content", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: prod,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: "s3/",
      removalPolicy: settings.removalPolicy,
      autoDeleteObjects,
    });

    const headers = new ResponseHeadersPolicy(this, "SecurityHeaders", {
      comment: `BLING ${settings.stage} security headers`,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(settings), override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        xssProtection: { protection: true, modeBlock: true, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()", override: true },
          { header: "Cross-Origin-Opener-Policy", value: "same-origin", override: true },
        ],
      },
    });
    this.distribution = new Distribution(this, "Distribution", {
      comment: `BLING ${settings.stage} site`,
      defaultRootObject: "index.html",
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new CloudFrontFunction(this, "PagePaths", {
              comment: "Maps page paths to the static export's files",
              runtime: FunctionRuntime.JS_2_0,
              code: FunctionCode.fromInline(SITE_PATH_FUNCTION_CODE),
            }),
          },
          {
            // Artifact files asked for by their hash are kept by browsers for a year: a re-vote downloads nothing.
            eventType: FunctionEventType.VIEWER_RESPONSE,
            function: new CloudFrontFunction(this, "ArtifactCache", {
              comment: "Long-lived Cache-Control on content-addressed artifact files",
              runtime: FunctionRuntime.JS_2_0,
              code: FunctionCode.fromInline(ARTIFACT_CACHE_FUNCTION_CODE),
            }),
          },
        ],
      },
      // Without s3:ListBucket a missing object answers 403: both mean the page does not exist.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 404,
        responsePagePath: "/404.html",
      })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logs,
      logFilePrefix: "cloudfront/",
    });
  }

  /** The site's origin, `https://...` with no trailing slash. */
  get origin(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }

  /** Uploads the site and its `config.json`, then invalidates CloudFront's copies. */
  deploy(config: SiteConfig): BucketDeployment {
    return new BucketDeployment(this, "Deploy", {
      // The build stamp is web/scripts/build-web.ts's own bookkeeping, not part of the site.
      sources: [Source.asset(this.contentDir, { exclude: [".build-stamp"] }), Source.jsonData("config.json", config)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ["/*"],
      memoryLimit: 512,
    });
  }
}
