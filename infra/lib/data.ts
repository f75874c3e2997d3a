/** The single table and the service's keys: the state BLING must never lose. */
import { RemovalPolicy } from "aws-cdk-lib";
import { AttributeType, BillingMode, Table, TableEncryption } from "aws-cdk-lib/aws-dynamodb";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";

/**
 * A secret Secrets Manager generates itself: 64 lowercase hex characters (32 bytes), so no key is
 * ever in the template, the environment or a deployer's shell.
 */
function hexKey(scope: Construct, id: string, description: string): Secret {
  return new Secret(scope, id, {
    description,
    removalPolicy: RemovalPolicy.RETAIN,
    generateSecretString: {
      passwordLength: 64,
      excludeUppercase: true,
      excludePunctuation: true,
      includeSpace: false,
      // What is left of the lowercase letters and digits is exactly the hex digits.
      excludeCharacters: "ghijklmnopqrstuvwxyz",
    },
  });
}

export class BlingData extends Construct {
  readonly table: Table;
  /** Ed25519 seed of the ballot log key: signs promises and tree heads. */
  readonly logKey: Secret;
  /** HMAC key of the registration-code hashes. */
  readonly codeKey: Secret;
  /** secp256k1 key of the account that writes anchors to the registry (registered there as a council). */
  readonly anchorKey: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, "Table", {
      partitionKey: { name: "pk", type: AttributeType.STRING },
      sortKey: { name: "sk", type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.logKey = hexKey(this, "LogKey", "BLING ballot log signing key (Ed25519 seed, hex)");
    this.codeKey = hexKey(this, "CodeKey", "BLING registration code hashing key (HMAC, hex)");
    this.anchorKey = hexKey(this, "AnchorKey", "BLING chain anchor signer (secp256k1 private key, hex)");
  }
}
