/**
 * The HTTP API: public routes open to all, council routes behind a JWT authorizer on a Cognito user
 * pool whose users carry their council in the `custom:council` claim (what the handlers read).
 */
import { Aws, Duration } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolDomain,
} from "aws-cdk-lib/aws-cognito";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { COUNCIL_CLAIM } from "../../functions/adapters/auth";
import { signInDomainPrefix, type StageSettings } from "./settings";

/**
 * What the API's access log keeps. The default format records the caller's IP and user agent,
 * which with a ballot's public `receivedAt` would map an address to a ballot; this keeps neither,
 * nor the path (it holds ballot ids and nullifiers): the route key names the API only. Times are
 * to the second ($context.requestTime, not requestTimeEpoch).
 */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: "$context.requestId",
    requestTime: "$context.requestTime",
    routeKey: "$context.routeKey",
    status: "$context.status",
    responseLatency: "$context.responseLatency",
    integrationLatency: "$context.integrationLatency",
    errorMessage: "$context.error.message",
  }),
);

export interface BlingApiProps {
  settings: StageSettings;
  publicApi: IFunction;
  councilApi: IFunction;
  /** Where the site is served: the only origin CORS lets call the API, and the sign-in callback. */
  siteOrigin: string;
}

/** The Cognito attribute behind COUNCIL_CLAIM (`custom:council` → `council`). */
const COUNCIL_ATTRIBUTE = COUNCIL_CLAIM.replace(/^custom:/, "");

export class BlingApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: BlingApiProps) {
    super(scope, id);
    const { settings } = props;
    const prod = settings.stage === "prod";

    this.userPool = new UserPool(this, "CouncilAdmins", {
      // Admins are created by whoever runs the deployment (README), never by sign-up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      customAttributes: { [COUNCIL_ATTRIBUTE]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: prod ? Mfa.REQUIRED : Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: prod
        ? StandardThreatProtectionMode.FULL_FUNCTION
        : StandardThreatProtectionMode.AUDIT_ONLY,
      deletionProtection: prod,
      removalPolicy: settings.removalPolicy,
    });
    this.client = this.userPool.addClient("Site", {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${props.siteOrigin}/council/`],
        logoutUrls: [`${props.siteOrigin}/`],
      },
      // The council is set by an administrator: a user must never be able to write it.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      preventUserExistenceErrors: true,
    });
    this.domain = this.userPool.addDomain("SignIn", {
      cognitoDomain: { domainPrefix: signInDomainPrefix(settings.stage) },
    });

    this.api = new HttpApi(this, "HttpApi", {
      description: "BLING referendum service",
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [props.siteOrigin],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT],
        allowHeaders: ["authorization", "content-type"],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new LogGroup(this, "AccessLogs", {
      retention: settings.logRetentionDays,
      removalPolicy: settings.removalPolicy,
    });
    this.stage = new HttpStage(this, "DefaultStage", {
      httpApi: this.api,
      stageName: "$default",
      autoDeploy: true,
      throttle: settings.throttle,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });

    const authorizer = new HttpUserPoolAuthorizer("CouncilToken", this.userPool, {
      userPoolClients: [this.client],
    });
    this.api.addRoutes({
      path: "/v1/council/{proxy+}",
      methods: [HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT],
      integration: new HttpLambdaIntegration("Council", props.councilApi),
      authorizer,
    });
    this.api.addRoutes({
      path: "/v1/{proxy+}",
      methods: [HttpMethod.GET, HttpMethod.POST],
      integration: new HttpLambdaIntegration("Public", props.publicApi),
    });
  }

  /** The API's base URL (no trailing slash). */
  get url(): string {
    return `https://${this.api.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`;
  }

  /** The hosted sign-in UI's base URL. */
  get signInUrl(): string {
    return this.domain.baseUrl();
  }
}
